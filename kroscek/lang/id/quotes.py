"""Indonesian attribution: reporting verbs, source phrases, speaker words.

Words are lower case; the quote stage matches them case-insensitively as whole words.
"""

#: Reporting verbs written after a quote, with the speaker after them ("…," kata Lin Jian).
#: Each may carry "-nya" for an omitted speaker ("ujarnya", "tegasnya").
CUES_AFTER = (
    "kata", "ujar", "ucap", "tutur", "tegas", "jelas", "imbuh", "tambah", "sebut", "ungkap", "terang",
    "papar", "lanjut", "sambung", "pungkas", "timpal", "tukas", "seru", "bilang", "kilah", "klaim",
    "aku", "katakan", "urai", "beber", "tandas", "terangnya", "ucapan", "tulis", "lapor", "cetus",
    "sergah", "ungkit", "jawab", "tanya", "desak", "pinta", "bunyi", "demikian",
)

#: Reporting verbs with the speaker before them ("Lin Jian mengatakan, …", "Guo menegaskan bahwa").
CUES_BEFORE = (
    "mengatakan", "menyatakan", "menegaskan", "menyebut", "menyebutkan", "menambahkan",
    "mengungkapkan", "menjelaskan", "menerangkan", "memaparkan", "menuturkan", "mengklaim",
    "mengakui", "menilai", "meminta", "mendesak", "menyerukan", "menekankan", "mengingatkan",
    "membantah", "menampik", "menepis", "menyampaikan", "melaporkan", "mengumumkan",
    "memperingatkan", "berkata", "berujar", "bertutur", "berpendapat", "memperkirakan", "menduga",
    "meyakini", "menuding", "menuduh", "mengkritik", "mengecam", "mengimbau", "mengajak",
    "mengusulkan", "mengungkap", "mengisyaratkan", "menyiratkan", "menggarisbawahi", "membeberkan", "menandaskan", "menjawab",
    "menanyakan", "mengaku", "bersikeras", "memastikan", "mengonfirmasi", "mengkonfirmasi",
    "menyinggung", "menulis", "mencuit", "menyebutnya", "mengutarakan", "menyoroti",
    "mempertanyakan", "menyesalkan", "menolak", "menganggap", "memandang", "berharap", "percaya",
    "memprediksi", "memprediksikan", "mengutuk", "menyebutnya",
)

#: Words that open an indirect quote with the speaker after them ("Menurut X, …").
ACCORDING_TO = ("menurut", "berdasarkan keterangan", "mengutip keterangan")

#: Words joining a reporting verb to its content ("menyatakan bahwa …").
THAT = ("bahwa", "jika", "kalau", "agar", "supaya")

#: Phrases that name where a quote was taken from; the source follows them.
CITED_FROM = (
    "seperti dikutip dari", "seperti dikutip", "sebagaimana dikutip dari", "sebagaimana dikutip",
    "dikutip dari", "dikutip", "seperti dilansir dari", "seperti dilansir", "sebagaimana dilansir",
    "dilansir dari", "dilansir", "seperti diberitakan", "diberitakan", "seperti dilaporkan",
    "dilaporkan oleh", "dilaporkan", "yang dilaporkan", "melansir", "mengutip", "lapor",
    "demikian dilaporkan", "melalui situs resmi",
    "melalui akun resmi", "melalui akun", "melalui laman resmi", "melalui laman", "dalam wawancara dengan",
    "dalam keterangan tertulis", "dalam keterangan resmi", "melalui keterangan tertulis",
    "dalam siaran pers", "melalui siaran pers",
)

#: Words after which the speaker phrase of a post-quote cue ends.
SPEAKER_STOPS = (
    "saat", "ketika", "usai", "seusai", "setelah", "sebelum", "di", "dalam", "kepada", "pada",
    "seperti", "sebagaimana", "dikutip", "dilansir", "mengutip", "melalui", "yang", "kemarin",
    "hari", "dengan", "sambil", "sembari", "menanggapi", "terkait", "soal", "tentang", "mengenai",
    "menjawab", "ditemui", "dihubungi", "dikonfirmasi", "lewat", "via", "dari", "untuk", "sebelumnya",
    "belum", "pekan", "bulan", "tahun", "tadi", "menurutnya", "pula", "juga", "lagi", "seraya",
    "menegaskan", "menambahkan", "dilaporkan", "atau", "diikuti", "senin", "selasa", "rabu", "kamis",
    "jumat", "sabtu", "minggu", "ahad", "sesaat", "selepas", "begitu",
)

#: Pronouns that stand for a speaker named before ("ujarnya", "kata dia", "Ia menyebut …").
PRONOUNS = ("dia", "ia", "beliau", "mereka", "pihaknya", "nya")
PLURAL_PRONOUNS = ("mereka", "pihaknya")

#: First-person openings of quoted speech written without marks ("Saya tekankan …").
FIRST_PERSON = ("saya", "kami", "kita", "aku")

#: Adverbs that may stand between a speaker and the reporting verb ("Lin juga menyerukan").
BETWEEN = ("juga", "pun", "kembali", "pula", "lantas", "lalu", "kemudian", "bahkan", "sendiri", "justru",
           "sebelumnya", "akhirnya", "tetap", "masih", "hanya", "memang", "sempat", "telah", "sudah")

#: Clause openers to drop before a speaker ("Sementara itu, X mengatakan …").
OPENERS = (
    "sementara itu", "sementara", "meski begitu", "meskipun begitu", "meski demikian", "namun demikian",
    "akan tetapi", "padahal", "bahkan", "pertama", "kedua", "ketiga", "keempat", "seperti diketahui",
    "sebagaimana diketahui", "sebagaimana diberitakan", "seperti diberitakan", "secara pribadi",
    "di tempat terpisah", "dalam kesempatan yang sama", "tak hanya itu", "intinya", "alhasil", "sebelumnya", "selain itu", "namun", "tetapi", "adapun", "di sisi lain",
    "sedangkan", "lebih lanjut", "dalam kesempatan itu", "dalam kesempatan terpisah", "terpisah",
    "kemudian", "meski demikian", "oleh karena itu", "karena itu", "sebelumnya", "pada saat yang sama",
)

#: Titles and role words that open a speaker's role ("Juru Bicara …", "Menteri …", "Presiden …").
ROLE_WORDS = (
    "juru bicara", "jubir", "menteri", "menlu", "menhan", "menkeu", "presiden", "wakil", "wapres",
    "kepala", "ketua", "direktur", "sekretaris", "sekjen", "gubernur", "bupati", "wali kota",
    "walikota", "jenderal", "letnan", "kolonel", "mayor", "kapten", "panglima", "kapolri", "kapolda",
    "kapolres", "duta besar", "dubes", "anggota", "pengamat", "peneliti", "analis", "ekonom",
    "pakar", "guru besar", "profesor", "dosen", "komisioner", "hakim", "jaksa", "pengacara",
    "kuasa hukum", "kepala staf", "perdana menteri", "pm", "raja", "ratu", "pangeran", "sultan",
    "kaisar", "pemimpin", "tokoh", "aktivis", "pejabat", "mantan", "politikus", "politisi",
    "senator", "legislator", "kabid humas", "kabag", "kasubdit", "dirut", "direktur utama",
    "komisaris", "manajer", "koordinator", "sekretaris jenderal", "ketua umum", "plt", "pj",
    "dr", "prof", "ir", "h", "hj", "kh", "pendiri", "ceo", "bos", "warga", "saksi", "korban",
)

#: Head words of an organisation as speaker.
ORGANISATION_WORDS = (
    "kementerian", "kemenlu", "komisi", "partai", "badan", "lembaga", "dewan", "majelis", "mahkamah",
    "pengadilan", "kejaksaan", "kepolisian", "polisi", "polri", "polda", "polres", "tni", "militer",
    "angkatan", "pemerintah", "pemkot", "pemkab", "pemprov", "perusahaan", "pt", "bank", "universitas",
    "direktorat", "otorita", "sekretariat", "kantor", "istana", "gedung putih", "kremlin", "pbb",
    "dpr", "mpr", "dpd", "kpk", "kpu", "bawaslu", "ojk", "bi", "bpk", "bps", "uni eropa", "nato",
    "intelijen", "pihak", "tim", "satgas", "asosiasi", "serikat", "organisasi", "kelompok",
)

#: Words that, before a reporting verb, mean nothing was said ("KCNA tidak menyebutkan …").
NEGATIONS = ("tidak", "tak", "belum", "enggan", "bukan", "menolak")

#: Nouns for a statement standing before its author ("bunyi pernyataan Komisi …").
STATEMENT_NOUNS = ("pernyataan", "keterangan", "laporan", "siaran pers", "rilis", "surat", "unggahan",
                   "cuitan", "tulisan", "ucapan", "perkataan", "kata-kata")

#: "… mengutip ucapan Kim Jong Un": the reporter quotes a speaker (the reporter is the source).
QUOTING = ("mengutip", "menukil")

#: Prepositions opening an adverbial clause before the subject ("Pada hari Senin, …").
PREPOSITIONS = ("pada", "dalam", "di", "saat", "ketika", "sejak", "usai", "seusai", "setelah", "sebelum",
                "menanggapi", "terkait", "soal", "mengenai", "atas", "untuk", "dengan", "kepada", "selama")

#: Lower-case words that may sit inside a speaker's noun phrase ("juru bicara", "Duta Besar Rusia
#: untuk PBB", "Pejabat di Korut", "Rusia dan Korea Utara").
SPEAKER_WORDS = ("dan", "untuk", "di", "dari", "para", "seorang", "sejumlah", "pihak", "juru", "bicara",
                 "luar", "negeri", "dalam", "staf", "umum", "besar", "bidang", "urusan", "sekretaris",
                 "jenderal", "tinggi", "tertinggi", "senior", "pemerintah", "setempat", "pusat", "daerah",
                 "resmi", "militer", "intelijen", "pejabat", "mantan", "kepala", "wakil", "ketua", "anggota",
                 "terpilih", "pengamat", "analis")

#: Words that, between a noun phrase and a verb, show it is not the subject of a statement
#: ("Pejabat yang mengungkapkan …" is a relative clause).
REST_BLOCK = ("yang", "bahwa", "karena", "setelah", "sebelum", "ketika", "saat", "jika", "kalau", "agar",
              "sehingga", "tetapi", "namun", "atau")

#: Words that open a subordinate clause: a phrase starting with one is not a speaker.
SUBORDINATORS = ("meskipun", "walaupun", "walau", "jika", "kalau", "karena", "ketika", "saat", "setelah",
                 "sebelum", "sejak", "apabila", "bila", "agar", "supaya", "sehingga", "hingga")
