"""What makes two facts comparable across articles (Indonesian).

Counted nouns fall into classes: two figures are about the same thing when their nouns' head
words share a class ("8.000 tentara Korut" and "3.000 warga Korea Utara dikirim" are both counts
of people sent). Announcement verbs mark a dated statement by the actor written before them
("Korea Utara ... mengonfirmasi ..., Senin"): one statement has one date.
"""

from kroscek.lang.id.function_words import FUNCTION_WORDS
from kroscek.lang.id.numbers import SCALES, SMALL_NUMBERS

#: Head word of a counted noun -> class. Words not listed are their own class.
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "tentara",
            "pasukan",
            "prajurit",
            "personel",
            "serdadu",
            "militer",
            "perwira",
            "anggota",
            "warga",
            "orang",
            "penduduk",
            "jiwa",
            "relawan",
            "pekerja",
            "buruh",
            "pengungsi",
            "migran",
            "demonstran",
            "peserta",
            "mahasiswa",
            "siswa",
            "pelajar",
            "pegawai",
            "karyawan",
            "tenaga",
        ),
        "orang",
    ),
    **dict.fromkeys(("korban", "tewas", "meninggal", "jenazah", "mayat"), "korban"),
    **dict.fromkeys(("rumah", "bangunan", "gedung", "unit"), "bangunan"),
    **dict.fromkeys(("kendaraan", "mobil", "motor", "truk", "bus"), "kendaraan"),
}

#: Words that never say what a figure is about: function words, number words ("juta" beside
#: another figure) and reporting verbs (its sentence's other words do).
CONTEXT_STOP = (
    FUNCTION_WORDS
    | frozenset(SCALES)
    | frozenset(SMALL_NUMBERS)
    | frozenset(
        (
            "kata",
            "ujar",
            "ujarnya",
            "katanya",
            "diperkirakan",
            "termasuk",
            "orang",
        )
    )
)

#: Hedges that make a figure an order of magnitude, not a value to compare.
VAGUE = ("ribuan", "ratusan", "puluhan", "belasan", "jutaan", "miliaran", "beberapa", "sejumlah")

#: Verbs and nouns of announcing: the actor before them made a statement on the date given.
ANNOUNCE = (
    "mengonfirmasi",
    "mengkonfirmasi",
    "mengakui",
    "mengumumkan",
    "menyatakan",
    "membenarkan",
    "menyampaikan",
    "mengungkapkan",
    "melaporkan",
    "memastikan",
    "mengeluarkan pernyataan",
)

#: Words just before a date that make it the outlet's own day, not a happening's: when it read,
#: quoted or reached a source ("rilis yang dikutip, Senin (20/10)", "saat dihubungi, Selasa"),
#: or its own today and tomorrow ("cuaca besok, Selasa, 21 Oktober").
OWN_DAY_CUES = (
    "dikutip",
    "dilihat",
    "diakses",
    "dilansir",
    "dipantau",
    "diterima",
    "dihubungi",
    "dikonfirmasi",
    "ditemui",
    "hari ini",
    "malam ini",
    "pagi ini",
    "besok",
)

#: Hedges that make a figure a limit, not a measurement: a legal maximum or minimum, a ceiling
#: ("denda paling banyak Rp 1 miliar", "defisit di bawah 3%"). Many values keep one limit, so a
#: limit is compared only where articles give the same one. "Sedikitnya"/"setidaknya" are not
#: here: in a tally they hedge an estimate ("sedikitnya 12 orang tewas").
LIMIT_HEDGES = (
    "paling banyak",
    "sebanyak-banyaknya",
    "maksimal",
    "di bawah",
    "kurang dari",
    "paling sedikit",
    "sekurang-kurangnya",
    "minimal",
    "di atas",
    "paling lama",
    "paling singkat",
)

#: Nouns just before a figure that make it a limit ("batas 3%", "pagu Rp 5 triliun").
LIMIT_NOUNS = ("batas", "ambang", "plafon", "pagu", "maksimum", "minimum")

#: Ordinal words ("kedua" = second): "ke" + a number word, and "pertama".
ORDINAL_WORDS: dict[str, int] = {
    "pertama": 1,
    **{f"ke{word}": int(value) for word, value in SMALL_NUMBERS.items() if 2 <= value <= 11 and value == int(value)},
}

#: Nouns after which a plain number is a position, not an amount ("lantai 4", "lantai empat",
#: "menit 55", "peringkat 3"); after any noun "ke-N" and an ordinal word are positions
#: ("urutan ke-119", "tangkap tangan ketiga"). Positions are compared only where articles agree.
POSITION_NOUNS = (
    "urutan",
    "peringkat",
    "posisi",
    "ranking",
    "lantai",
    "menit",
    "babak",
    "ronde",
    "tahap",
    "gelombang",
    "pekan",
    "jilid",
    "edisi",
    "juara",
)

#: An ordinal written with digits, before which its noun stands ("urutan ke-119", "menit ke 37");
#: the digits are the group ``nth``.
ORDINAL_NUMBER = r"ke-?\s?(?P<nth>\d{1,4})"

#: What a claim is about, as the briefing says it: a figure's kind, a day, an hour, a month, a
#: year, a position in a row, and a dated statement by an actor.
LABELS = {
    "figure": "angka",
    "date": "tanggal",
    "time": "jam",
    "month": "bulan",
    "year": "tahun",
    "position": "urutan",
    "statement": "tanggal pernyataan",
}
