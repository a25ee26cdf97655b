"""Indonesian numbers as news writes them: words, scales, hedges, currencies and units."""

#: Number words up to ten and the teens/tens builders; "se-" means one ("seratus", "sejuta").
SMALL_NUMBERS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
    "sejuta": 1_000_000, "semiliar": 1_000_000_000, "setengah": 0.5, "separuh": 0.5,
    "seperempat": 0.25, "sepertiga": 1 / 3, "seperdelapan": 0.125,
}
TEEN = "belas"  # "dua belas" = 12
TENS = "puluh"  # "dua puluh" = 20
HUNDREDS = "ratus"

#: Scale words after a number ("12 ribu", "3,5 juta", "Rp 3,1 T").
SCALES: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12,
    "trilyun": 1e12,
}
#: Scale letters, only right after a currency amount ("Rp 5 M", "Rp 3,1 T").
SCALE_LETTERS: dict[str, float] = {"rb": 1e3, "jt": 1e6, "m": 1e9, "t": 1e12}

#: Approximate plurals: the magnitude they name ("ribuan tentara": thousands of soldiers).
APPROXIMATE: dict[str, float] = {
    "belasan": 10, "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "puluhan ribu": 1e4,
    "ratusan ribu": 1e5, "jutaan": 1e6, "puluhan juta": 1e7, "ratusan juta": 1e8, "miliaran": 1e9,
    "triliunan": 1e12,
}

#: Hedges before a number, as written.
HEDGES = (
    "sekitar", "sekira", "kira-kira", "kurang lebih", "lebih kurang", "setidaknya", "sedikitnya",
    "paling sedikit", "sekurang-kurangnya", "minimal", "paling tidak", "lebih dari", "lebih dari",
    "hampir", "nyaris", "kurang dari", "tidak kurang dari", "tak kurang dari", "diperkirakan",
    "diduga", "mencapai", "hingga", "sampai", "maksimal", "paling banyak", "sebanyak-banyaknya",
    "di atas", "di bawah", "lebih", "ditaksir", "disebut", "konon", "rata-rata",
)

#: Currencies: the written form and the code kept in ``unit``.
CURRENCIES: dict[str, str] = {
    "rp": "IDR", "rp.": "IDR", "idr": "IDR", "rupiah": "IDR", "us$": "USD", "usd": "USD", "$": "USD",
    "dolar as": "USD", "dollar as": "USD", "dolar amerika serikat": "USD",
    "dollar amerika serikat": "USD", "dolar": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR",
    "£": "GBP", "poundsterling": "GBP", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
    "ringgit": "MYR", "rm": "MYR", "sgd": "SGD", "s$": "SGD", "won": "KRW", "rupee": "INR",
    "riyal": "SAR", "franc": "CHF", "francs": "FRF",
}

#: Percent words.
PERCENT = ("%", "persen", "per sen", "prosen")

#: Units of measure after a number (the key as written, the value kept in ``unit``).
UNITS: dict[str, str] = {
    "km": "km", "kilometer": "km", "m": "m", "meter": "m", "cm": "cm", "sentimeter": "cm",
    "mm": "mm", "milimeter": "mm", "mil": "mi", "kg": "kg", "kilogram": "kg", "gram": "g",
    "g": "g", "ton": "t", "kuintal": "q", "liter": "l", "l": "l", "kl": "kl", "kiloliter": "kl",
    "barel": "bbl", "kilo liter": "kl", "hektare": "ha", "hektar": "ha", "ha": "ha", "m2": "m2", "m²": "m2",
    "km2": "km2", "km²": "km2", "meter persegi": "m2", "kilometer persegi": "km2", "volt": "V",
    "watt": "W", "kw": "kW", "mw": "MW", "gw": "GW", "kwh": "kWh", "mwh": "MWh", "derajat": "deg",
    "derajat celsius": "°C", "knot": "kn", "kalori": "kcal", "poin": "pt", "basis poin": "bp",
    "bps": "bp", "unit": "unit", "dosis": "dose", "mbps": "Mbps", "gb": "GB", "tb": "TB",
    "kali": "times",
}

#: Time units: a number before them is a duration ("12 bulan", "dua tahun"), kept as a quantity.
TIME_UNITS: dict[str, str] = {
    "detik": "s", "menit": "min", "jam": "h", "hari": "d", "pekan": "wk", "minggu": "wk",
    "bulan": "mo", "tahun": "yr", "dekade": "decade", "abad": "century",
}

#: Words before a number that make it a label, not an amount ("Pasal 51", "Nomor 79", "ke-3").
NOT_AMOUNT_BEFORE = (
    "pasal", "ayat", "nomor", "no", "no.", "nomer", "huruf", "butir", "bab", "lampiran",
    "tahun", "pukul", "jam", "rt", "rw", "km", "kilometer", "tol", "jalan", "jl", "jl.", "gang",
    "blok", "kav", "kavling", "lantai", "ruang", "kamar", "gedung", "gerbang", "pintu", "halaman",
    "hal", "hal.", "edisi", "seri", "tipe", "versi", "generasi", "kode", "nopol", "telepon",
    "telp", "telp.", "hp", "wa", "hotline", "ext", "peringkat", "urutan", "juara", "grup",
    "kelas", "semester", "kuartal", "triwulan", "episode", "season", "musim", "jilid", "volume",
    "vol", "vol.", "level", "tingkat", "zona", "sektor", "batalyon", "kodam", "kodim", "koramil",
    "polres", "brigif", "yonif", "perpres", "perppu", "pp", "uu", "permen", "perda", "keppres",
    "inpres", "sk", "covid", "covid-", "g", "apbn", "apbnp", "apbd", "urut", "stadium", "lt",
    "berlantai", "ke", "rute", "koridor", "jalur", "dapil", "tps", "pos", "nomor urut", "poin",
)

#: Words before a number word that make an idiom, not an amount ("salah satu", "satu per satu").
IDIOM_BEFORE = ("salah", "satu", "se", "bersatu", "tiga")

#: Words that tie a quantity to an earlier one as a part of it ("termasuk 500 perwira").
PART_OF = ("termasuk", "di antaranya", "diantaranya", "antara lain", "dari jumlah itu", "dari jumlah tersebut",
           "sebagian", "salah satunya")

#: Function words that never head a counted noun phrase.
NOT_NOUNS = frozenset({
    "dan", "atau", "yang", "di", "ke", "dari", "pada", "untuk", "dengan", "dalam", "oleh", "itu", "ini",
    "tersebut", "adalah", "akan", "telah", "sudah", "sedang", "masih", "juga", "pun", "saja", "lagi",
    "lebih", "kurang", "per", "sebesar", "sebanyak", "hingga", "sampai", "menjadi", "dibanding",
    "dibandingkan", "sejak", "selama", "sekitar", "tahun", "bulan", "hari", "pekan", "minggu", "jam",
    "menit", "detik", "lalu", "mendatang", "kemudian", "terakhir", "pertama", "setiap", "tiap", "bagi",
    "terhadap", "antara", "bahwa", "karena", "jika", "kalau", "maka", "sehingga", "namun", "tetapi",
    "tapi", "serta", "seperti", "hanya", "bisa", "dapat", "harus", "tidak", "tak", "belum", "para",
    "sebagai", "atas", "bawah", "naik", "turun", "ada", "jadi", "kali", "mencapai", "sebelumnya",
    "berikutnya", "tewas", "meninggal", "terluka", "luka", "lain", "lainnya", "secara", "setelah",
    "sebelum", "kata", "ujar", "ucap", "tutur", "jelas", "katanya", "ujarnya", "yakni", "yaitu", "agar",
    "supaya", "bila", "apabila", "ketika", "saat", "sedangkan", "sementara", "tersisa",
    "dia", "ia", "mereka", "kami", "kita", "saya", "anda", "beliau", "aku", "kamu", "nya", "x",
    "besar", "mata",
})

#: Nouns after which "satu" counts something ("satu orang tewas"); elsewhere "satu" is the
#: article "a" of translated news ("dalam satu serangan") and not an amount.
ONE_COUNTS = frozenset({"orang", "warga", "korban", "jiwa", "unit", "ekor", "buah", "anak", "keluarga",
                        "rumah", "pasien", "kasus", "tersangka", "prajurit", "tentara", "personel"})
