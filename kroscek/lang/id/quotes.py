"""Indonesian attribution: reporting verbs, source phrases, speaker words.

Words are lower case; the quote stage matches them case-insensitively as whole words.
"""

from kroscek.lang.id.function_words import FUNCTION_WORDS as _FUNCTION_WORDS

#: Reporting verbs written after a quote, with the speaker after them ("…," kata Lin Jian).
#: Each may carry "-nya" for an omitted speaker ("ujarnya", "tegasnya").
CUES_AFTER = (
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "tegas",
    "jelas",
    "imbuh",
    "tambah",
    "sebut",
    "ungkap",
    "terang",
    "papar",
    "lanjut",
    "sambung",
    "pungkas",
    "timpal",
    "tukas",
    "seru",
    "bilang",
    "kilah",
    "klaim",
    "aku",
    "katakan",
    "urai",
    "beber",
    "tandas",
    "terangnya",
    "ucapan",
    "tulis",
    "lapor",
    "cetus",
    "sergah",
    "ungkit",
    "jawab",
    "tanya",
    "desak",
    "pinta",
    "bunyi",
    "demikian",
    # How it was said: a rebuke, a jibe, a joke, a complaint, an appeal, a closing word.
    "tegur",
    "sindir",
    "sentil",
    "sahut",
    "celetuk",
    "seloroh",
    "kelakar",
    "canda",
    "keluh",
    "ajak",
    "harap",
    "pesan",
    "tantang",
    "puji",
    "ingat",
    "tutup",
)

#: Reporting verbs with the speaker before them ("Lin Jian mengatakan, …", "Guo menegaskan bahwa").
CUES_BEFORE = (
    "mengatakan",
    "menyatakan",
    "menegaskan",
    "menyebut",
    "menyebutkan",
    "menambahkan",
    "mengungkapkan",
    "menjelaskan",
    "menerangkan",
    "memaparkan",
    "menuturkan",
    "mengklaim",
    "mengakui",
    "menilai",
    "meminta",
    "mendesak",
    "menyerukan",
    "menekankan",
    "mengingatkan",
    "membantah",
    "menampik",
    "menepis",
    "menyampaikan",
    "melaporkan",
    "mengumumkan",
    "memperingatkan",
    "berkata",
    "berujar",
    "bertutur",
    "berpendapat",
    "memperkirakan",
    "menduga",
    "meyakini",
    "menuding",
    "menuduh",
    "mengkritik",
    "mengecam",
    "mengimbau",
    "mengajak",
    "mengusulkan",
    "mengungkap",
    "mengisyaratkan",
    "menyiratkan",
    "menggarisbawahi",
    "membeberkan",
    "menandaskan",
    "menjawab",
    "menanyakan",
    "mengaku",
    "bersikeras",
    "memastikan",
    "mengonfirmasi",
    "mengkonfirmasi",
    "menyinggung",
    "menulis",
    "mencuit",
    "menyebutnya",
    "mengutarakan",
    "menyoroti",
    "mempertanyakan",
    "menyesalkan",
    "menolak",
    "menganggap",
    "memandang",
    "berharap",
    "percaya",
    "memprediksi",
    "memprediksikan",
    "mengutuk",
    "menyebutnya",
    "menjamin",
    "membenarkan",
    "bercerita",
    "menceritakan",
    "melanjutkan",
    "menguraikan",
    "menyarankan",
)

#: The word opening a relative clause after a speaker's description: "kata warga yang melintas,
#: Dhiko (32), …" names its holder after the clause.
RELATIVE = ("yang",)

#: Reporting verbs that also take a person or a thing as their object ("Ridwan Kamil melaporkan
#: Lisa Mariana ke polisi"): speech only when "bahwa" or a comma follows them.
CLAUSE_CUES = ("melaporkan",)

#: Passive reporting verbs, the speaker after them: "Hal itu dikatakan X", "Dijelaskan X, …",
#: "…, disebutkan X, …".
PASSIVE_CUES = (
    "dikatakan",
    "disampaikan",
    "diungkapkan",
    "diungkap",
    "dijelaskan",
    "ditegaskan",
    "disebutkan",
    "disebut",
    "dipaparkan",
    "diterangkan",
    "dituturkan",
    "ditambahkan",
    "diutarakan",
    "dinyatakan",
    "dikemukakan",
    "dibeberkan",
    "diumumkan",
    "dikonfirmasi",
    "dibenarkan",
)
#: Passive verbs of answering a statement: their agent, "oleh" or not, speaks next ("Pernyataan itu
#: direspons keras oleh Gubernur … Dedi Mulyadi. Ia menegaskan …", "Optimisme itu disambut Duta
#: Besar Pakistan, Zahid Hafeez Chaundhri, …").
ANSWER_CUES = ("direspons", "ditanggapi", "dijawab", "dibantah", "dikritik", "dikomentari", "disambut", "disoroti")

#: What may follow a passive verb before its agent: an adverb, then the agent's word
#: ("disampaikan langsung oleh X").
PASSIVE_ADVERBS = ("langsung", "pula", "juga")
AGENT = ("oleh",)
#: A sentence opening with one of these and a passive verb says who said the sentences before
#: it ("Hal itu dikatakan Direktur Jenderal …, Suminto."); words that may stand between them.
REFERRING = ("hal itu", "hal ini", "hal tersebut", "pernyataan itu", "pernyataan ini", "pernyataan tersebut")
REFERRING_BETWEEN = ("sebagaimana", "seperti", "juga", "pun", "sempat", "telah", "sudah")

#: Words that open an indirect quote with the speaker after them ("Menurut X, …").
ACCORDING_TO = ("menurut", "berdasarkan keterangan", "mengutip keterangan")

#: Words joining a reporting verb to its content ("menyatakan bahwa …").
THAT = ("bahwa", "jika", "kalau", "agar", "supaya")
#: The word that opens reported content a little after the cue ("mengatakan pada konferensi pers
#: di Beijing bahwa …"); English's too, which Indonesian articles quote.
THAT_LATER = ("bahwa", "that")

#: Phrases that name where a quote was taken from; the source follows them.
CITED_FROM = (
    "seperti dikutip dari",
    "seperti dikutip",
    "sebagaimana dikutip dari",
    "sebagaimana dikutip",
    "dikutip dari",
    "dikutip",
    "seperti dilansir dari",
    "seperti dilansir",
    "sebagaimana dilansir",
    "dilansir dari",
    "dilansir",
    "seperti diberitakan",
    "diberitakan",
    "seperti dilaporkan",
    "dilaporkan oleh",
    "dilaporkan",
    "yang dilaporkan",
    "melansir",
    "mengutip",
    "lapor",
    "demikian dilaporkan",
    "melalui situs resmi",
    "melalui akun resmi",
    "melalui akun",
    "melalui laman resmi",
    "melalui laman",
    "dalam wawancara dengan",
    "dalam keterangan tertulis",
    "dalam keterangan resmi",
    "melalui keterangan tertulis",
    "dalam siaran pers",
    "melalui siaran pers",
)
#: A cited source is a run of capitalised words ("Kantor Berita Yonhap") or opens with one of
#: these lower-case words ("melalui situs resmi Kemlu", "dilansir kantor berita KCNA").
SOURCE_WORDS = (
    "situs",
    "laman",
    "akun",
    "kanal",
    "resmi",
    "kantor",
    "berita",
    "media",
    "harian",
    "stasiun",
    "televisi",
    "intelijen",
    "sumber",
)
#: Lower-case words that go on a source's name and may end it ("kantor berita resmi").
SOURCE_NAME_WORDS = ("resmi", "berita")
#: Words that may join the parts of a source's name ("Ministry of Defence") but never end it: a
#: source read up to one ends before it.
SOURCE_LINKS = ("of", "de", "dari", "the")

#: Words after which the speaker phrase of a post-quote cue ends.
SPEAKER_STOPS = (
    "saat",
    "ketika",
    "usai",
    "seusai",
    "setelah",
    "sebelum",
    "di",
    "dalam",
    "kepada",
    "pada",
    "seperti",
    "sebagaimana",
    "dikutip",
    "dilansir",
    "mengutip",
    "melalui",
    "yang",
    "kemarin",
    "hari",
    "dengan",
    "sambil",
    "sembari",
    "menanggapi",
    "terkait",
    "soal",
    "tentang",
    "mengenai",
    "menjawab",
    "ditemui",
    "dihubungi",
    "dikonfirmasi",
    "lewat",
    "via",
    "dari",
    "untuk",
    "sebelumnya",
    "belum",
    "pekan",
    "bulan",
    "tahun",
    "tadi",
    "menurutnya",
    "pula",
    "juga",
    "lagi",
    "seraya",
    "menegaskan",
    "menambahkan",
    "dilaporkan",
    "atau",
    "diikuti",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "ahad",
    "sesaat",
    "selepas",
    "begitu",
)

#: Pronouns that stand for a speaker named before ("ujarnya", "kata dia", "Ia menyebut …").
PRONOUNS = ("dia", "ia", "beliau", "mereka", "pihaknya", "nya")
PLURAL_PRONOUNS = ("mereka", "pihaknya")

#: Words closing a noun phrase that points back to someone named before ("Ketum Gerindra ini
#: mengaku …", "Ibu tiga anak itu …", "kata pria tersebut"): its speaker is found as for "dia".
ANAPHORIC = ("ini", "itu", "tersebut")

#: First-person openings of quoted speech written without marks ("Saya tekankan …").
FIRST_PERSON = ("saya", "kami", "kita", "aku")

#: Adverbs that may stand between a speaker and the reporting verb ("Lin juga menyerukan").
BETWEEN = (
    "juga",
    "pun",
    "kembali",
    "pula",
    "lantas",
    "lalu",
    "kemudian",
    "bahkan",
    "sendiri",
    "justru",
    "sebelumnya",
    "akhirnya",
    "tetap",
    "masih",
    "hanya",
    "memang",
    "sempat",
    "telah",
    "sudah",
)

#: Clause openers to drop before a speaker ("Sementara itu, X mengatakan …").
OPENERS = (
    "sementara itu",
    "sementara",
    "meski begitu",
    "meskipun begitu",
    "meski demikian",
    "namun demikian",
    "akan tetapi",
    "padahal",
    "bahkan",
    "pertama",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "keenam",
    "ketujuh",
    "kedelapan",
    "kesembilan",
    "kesepuluh",
    "terakhir",
    "seperti diketahui",
    "sebagaimana diketahui",
    "sebagaimana diberitakan",
    "seperti diberitakan",
    "secara pribadi",
    "di tempat terpisah",
    "dalam kesempatan yang sama",
    "tak hanya itu",
    "intinya",
    "alhasil",
    "sebelumnya",
    "selain itu",
    "namun",
    "tetapi",
    "adapun",
    "di sisi lain",
    "sedangkan",
    "lebih lanjut",
    "dalam kesempatan itu",
    "dalam kesempatan terpisah",
    "terpisah",
    "kemudian",
    "meski demikian",
    "oleh karena itu",
    "karena itu",
    "sebelumnya",
    "pada saat yang sama",
    # Adverbs and demonstratives that open a sentence and name no one ("Sekarang dia …",
    # "Hal itu disampaikan …", "Diketahui …", "Total …").
    "sekarang",
    "kini",
    "saat ini",
    "diketahui",
    "hal itu",
    "hal ini",
    "hal tersebut",
    "total",
    "giliran",
)

#: Titles and role words that open a speaker's role ("Juru Bicara …", "Menteri …", "Presiden …").
ROLE_WORDS = (
    "juru bicara",
    "jubir",
    "menteri",
    "menlu",
    "menhan",
    "menkeu",
    "presiden",
    "wakil",
    "wapres",
    "kepala",
    "ketua",
    "direktur",
    "sekretaris",
    "sekjen",
    "gubernur",
    "bupati",
    "wali kota",
    "walikota",
    "jenderal",
    "letnan",
    "kolonel",
    "mayor",
    "kapten",
    "panglima",
    "kapolri",
    "kapolda",
    "kapolres",
    "duta besar",
    "dubes",
    "anggota",
    "pengamat",
    "peneliti",
    "analis",
    "ekonom",
    "pakar",
    "guru besar",
    "profesor",
    "dosen",
    "komisioner",
    "hakim",
    "jaksa",
    "pengacara",
    "kuasa hukum",
    "kepala staf",
    "perdana menteri",
    "pm",
    "raja",
    "ratu",
    "pangeran",
    "sultan",
    "kaisar",
    "pemimpin",
    "tokoh",
    "aktivis",
    "pejabat",
    "mantan",
    "politikus",
    "politisi",
    "senator",
    "legislator",
    "kabid humas",
    "kabag",
    "kasubdit",
    "dirut",
    "direktur utama",
    "komisaris",
    "manajer",
    "koordinator",
    "sekretaris jenderal",
    "ketua umum",
    "plt",
    "pj",
    "dr",
    "prof",
    "ir",
    "h",
    "hj",
    "kh",
    "pendiri",
    "ceo",
    "bos",
    "warga",
    "saksi",
    "korban",
    "manajer umum",
    "general manager",
    "manager",
    # Police and military ranks written before a name.
    "brigjen",
    "irjen",
    "komjen",
    "mayjen",
    "letjen",
    "laksamana",
    "marsekal",
    "kombes",
    "akbp",
    "kompol",
    "akp",
    "iptu",
    "ipda",
    "aiptu",
    "aipda",
    "bripka",
    "brigadir",
    "briptu",
    "bripda",
    "letkol",
    "serka",
    "sertu",
    "kopda",
    # Honorifics of the deceased and the respected.
    "almarhum",
    "almarhumah",
    "alm",
    "sang",
    # Offices written short before a name ("Kapolsek Kuta Kompol …", "Walkot Agung", "Menaker
    # Yassierli").
    "kapolsek",
    "kapolresta",
    "kapolrestabes",
    "kabid",
    "kasat",
    "kasi",
    "kasubbid",
    "kanit",
    "kadis",
    "kajari",
    "kajati",
    "dirjen",
    "deputi",
    "asisten",
    "komandan",
    "pangdam",
    "dandim",
    "danrem",
    "kapuspen",
    "walkot",
    "wawalkot",
    "wagub",
    "wabup",
    "sekda",
    "camat",
    "lurah",
    "kades",
    "wamen",
    "menko",
    "mendagri",
    "menaker",
    "mensos",
    "menkes",
    "mentan",
    "menhub",
    "menpora",
    "mensesneg",
    "mendikdasmen",
    # Forms of address written before a name ("Pak Tito", "Bu Risma", "Kang Dedi").
    "pak",
    "bapak",
    "bu",
    "kang",
)

#: Head words of an organisation as speaker.
ORGANISATION_WORDS = (
    "kementerian",
    "kemenlu",
    "komisi",
    "partai",
    "badan",
    "lembaga",
    "dewan",
    "majelis",
    "mahkamah",
    "pengadilan",
    "kejaksaan",
    "kepolisian",
    "polisi",
    "polri",
    "polda",
    "polres",
    "tni",
    "militer",
    "angkatan",
    "pemerintah",
    "pemkot",
    "pemkab",
    "pemprov",
    "perusahaan",
    "pt",
    "bank",
    "universitas",
    "direktorat",
    "otorita",
    "sekretariat",
    "kantor",
    "istana",
    "gedung putih",
    "kremlin",
    "pbb",
    "dpr",
    "mpr",
    "dpd",
    "kpk",
    "kpu",
    "bawaslu",
    "ojk",
    "bi",
    "bpk",
    "bps",
    "uni eropa",
    "nato",
    "intelijen",
    "pihak",
    "tim",
    "satgas",
    "asosiasi",
    "serikat",
    "organisasi",
    "kelompok",
)

#: Words that, before a reporting verb, mean nothing was said ("KCNA tidak menyebutkan …").
NEGATIONS = ("tidak", "tak", "belum", "enggan", "bukan", "menolak")

#: Nouns for a statement standing before its author ("bunyi pernyataan Komisi …").
#: Words that may follow a statement noun before its source ("keterangan resmi").
STATEMENT_ADJECTIVES = ("resmi",)
STATEMENT_NOUNS = (
    "pernyataan",
    "keterangan",
    "laporan",
    "siaran pers",
    "rilis",
    "surat",
    "unggahan",
    "cuitan",
    "tulisan",
    "ucapan",
    "perkataan",
    "kata-kata",
)

#: "… mengutip ucapan Kim Jong Un": the reporter quotes a speaker (the reporter is the source).
QUOTING = ("mengutip", "menukil")

#: Prepositions opening an adverbial clause before the subject ("Pada hari Senin, …").
PREPOSITIONS = (
    "pada",
    "dalam",
    "di",
    "saat",
    "ketika",
    "sejak",
    "usai",
    "seusai",
    "setelah",
    "sebelum",
    "menanggapi",
    "terkait",
    "soal",
    "mengenai",
    "atas",
    "untuk",
    "dengan",
    "kepada",
    "selama",
)

#: Lower-case words that may sit inside a speaker's noun phrase ("juru bicara", "Duta Besar Rusia
#: untuk PBB", "Pejabat di Korut", "Rusia dan Korea Utara").
SPEAKER_WORDS = (
    "dan",
    "untuk",
    "di",
    "dari",
    "para",
    "seorang",
    "sejumlah",
    "pihak",
    "juru",
    "bicara",
    "luar",
    "negeri",
    "dalam",
    "staf",
    "umum",
    "besar",
    "bidang",
    "urusan",
    "sekretaris",
    "jenderal",
    "tinggi",
    "tertinggi",
    "senior",
    "pemerintah",
    "setempat",
    "pusat",
    "daerah",
    "resmi",
    "militer",
    "intelijen",
    "pejabat",
    "mantan",
    "kepala",
    "wakil",
    "ketua",
    "anggota",
    "terpilih",
    "pengamat",
    "analis",
)

#: Words opening a group's phrase: the nouns after them belong to it ("Sebuah studi baru
#: mengungkap", "Sejumlah investor menyatakan", "Para peneliti menulis").
GROUP_OPENERS = ("para", "seorang", "sebuah", "sejumlah", "beberapa", "banyak", "sebagian", "ribuan", "ratusan")
#: Those of them that open a group of many: "ia" never points to such a speaker, "mereka" does.
PLURAL_OPENERS = ("para", "sejumlah", "beberapa", "banyak", "sebagian", "ribuan", "ratusan")

#: Words that, between a noun phrase and a verb, show it is not the subject of a statement
#: ("Pejabat yang mengungkapkan …" is a relative clause).
REST_BLOCK = (
    "yang",
    "bahwa",
    "karena",
    "setelah",
    "sebelum",
    "ketika",
    "saat",
    "jika",
    "kalau",
    "agar",
    "sehingga",
    "tetapi",
    "namun",
    "atau",
)

#: Words that open a subordinate clause: a phrase starting with one is not a speaker.
SUBORDINATORS = (
    "meskipun",
    "walaupun",
    "walau",
    "jika",
    "kalau",
    "karena",
    "ketika",
    "saat",
    "setelah",
    "sebelum",
    "sejak",
    "apabila",
    "bila",
    "agar",
    "supaya",
    "sehingga",
    "hingga",
)

#: Indonesian speakers are capitalised names or known role/group words (see SPEAKER_WORDS).
NOT_IN_SPEAKER: tuple[str, ...] = ()
#: Indonesian closes a sentence with "…, kata X" (verb first): no speaker-first tail.
TAIL_SPEAKER_FIRST = False

#: A speaker phrase never ends on these ("Menteri Luar Negeri dan").
#: The word that joins the last two names of a list ("Rusia dan China"); English's too, for
#: the English names Indonesian articles quote.
AND = ("dan", "and")
#: Words that may open a role in apposition after a name ("Maria Lopez, a spokeswoman …"): none in Indonesian.
DETERMINERS: tuple[str, ...] = ()
CONNECTORS = ("dan", "untuk", "di", "dari", "dalam")
#: A lower-case word of this shape (a verb's affixes) ends a speaker phrase.
VERB_SHAPE = r"^(?:me[mnr]?|meng|meny|ber|di|ter)[a-z]{3,}$"

#: Words a speaker phrase never starts with when it holds no name: prepositions, conjunctions and
#: the like ("terkait …", "melalui …"), and sentence adverbs that end in -nya ("Pasalnya, …").
NOT_SPEAKER_WORDS: frozenset[str] = _FUNCTION_WORDS | frozenset(
    {"pasalnya", "sebelumnya", "selanjutnya", "akhirnya", "rupanya", "tampaknya", "biasanya", "kabarnya", "intinya"}
)

#: Words that hedge what a speaker asserts (a possibility, a report, an estimate), lower case:
#: a translation that adds one where the original has none of these nor of
#: :data:`MAYBE_HEDGES` shifts the claim, and one that drops one likewise. After a word of
#: :data:`NEGATIONS` ("tidak mungkin": impossible) they assert, not hedge.
MODAL_HEDGES = (
    "mungkin",
    "kemungkinan",
    "barangkali",
    "bisa jadi",
    "boleh jadi",
    "diduga",
    "dugaan",
    "diperkirakan",
    "konon",
    "kabarnya",
    "tampaknya",
    "sepertinya",
    "agaknya",
)

#: Words that hedge in some uses and not in others ("bisa", "dapat" of ability, "diyakini" of a
#: belief or a fact): neither evidence of a hedge nor of its absence.
MAYBE_HEDGES = (
    "bisa",
    "dapat",
    "semestinya",
    "seharusnya",
    "diyakini",
    "dinilai",
    "rupanya",
    "dituduhkan",
    "diharapkan",
    "berharap",
    "cenderung",
)
