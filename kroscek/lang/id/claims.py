"""What makes two facts comparable across articles (Indonesian).

Counted nouns fall into classes: two figures are about the same thing when their nouns' head
words share a class ("8.000 tentara Korut" and "3.000 warga Korea Utara dikirim" are both counts
of people sent). Announcement verbs mark a dated statement by the actor written before them
("Korea Utara ... mengonfirmasi ..., Senin"): one statement has one date.
"""

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

#: Words too common to say what a figure is about (its sentence's other words do).
CONTEXT_STOP = frozenset(
    (
        "yang",
        "dan",
        "dari",
        "untuk",
        "dengan",
        "dalam",
        "pada",
        "telah",
        "sudah",
        "akan",
        "tersebut",
        "itu",
        "ini",
        "juga",
        "adalah",
        "sebagai",
        "oleh",
        "karena",
        "kata",
        "ujar",
        "ujarnya",
        "katanya",
        "sekitar",
        "lebih",
        "hingga",
        "para",
        "kini",
        "masih",
        "bisa",
        "dapat",
        "tidak",
        "bahwa",
        "atau",
        "namun",
        "tetapi",
        "tapi",
        "saat",
        "ketika",
        "setelah",
        "sebelum",
        "sejak",
        "antara",
        "sebanyak",
        "setidaknya",
        "hampir",
        "kurang",
        "menurut",
        "seperti",
        "serta",
        "agar",
        "lagi",
        "pun",
        "belum",
        "sangat",
        "hanya",
        "mereka",
        "kami",
        "kita",
        "kepada",
        "terhadap",
        "diperkirakan",
        "sejumlah",
        "termasuk",
        "total",
        "jumlah",
        "orang",
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
