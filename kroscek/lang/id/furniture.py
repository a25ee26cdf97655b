"""Indonesian page furniture: classes of lines that are not part of the story.

Each entry is ``(reason, pattern)``. Patterns are matched case-insensitively with ``re.search``
against one stripped line, so they anchor themselves (``^``, ``$``). They describe a class of
furniture as Indonesian sites write it (share prompts, related-link boxes, video embeds, ad
markers, subscription prompts ...), never one site's exact line.
"""

_PLATFORM = (
    r"(facebook|fb|twitter|x|whatsapp|wa|telegram|line|linkedin|pinterest|threads|instagram|"
    r"tiktok|youtube|e-?mail|surel|copy link|salin (tautan|link)|print|cetak)"
)

LINES: tuple[tuple[str, str], ...] = (
    # Share and social buttons.
    (
        "share",
        r"^(sebarkan|bagikan|bagi|share)( (artikel|berita|tulisan|konten|halaman|tautan|link))?"
        r"( ini)?( (ke|via|lewat|di) .{1,30})?\s*[:!]?$",
    ),
    # Possessive: the gaps "\s*[|·•,/]?\s*" could split a space 2^n ways on a line that is not
    # all platforms; no platform name is a prefix of another, so nothing is lost.
    ("share", rf"^(?:{_PLATFORM}\s*+[|·•,/]?+\s*+)++$"),
    # Comment boxes.
    (
        "comment",
        r"^(tinggalkan|berikan|tulis|tuliskan|kirim|kirimkan|lihat|tampilkan|baca|muat)"
        r"( sebuah| semua)? (komentar|balasan|tanggapan)\b.{0,60}$",
    ),
    ("comment", r"^(\d+\s+)?komentar(\s*\(\d+\))?\s*:?$"),
    ("comment", r"^(balas|batalkan balasan|kirim komentar)$"),
    # Related links (a headline after the label, or the label alone opening a box).
    ("related", r"^(baca|simak|lihat) (juga|pula)\b\s*([:：\-–—]|$).*"),
    (
        "related",
        r"^(berita|artikel|tulisan) (terkait|lainnya|menarik lainnya|pilihan|populer|terpopuler)"
        r"\s*[:：]?.{0,120}$",
    ),
    ("related", r"^baca (berita|artikel) (lainnya|selengkapnya|terkait)\b.*"),
    ("related", r"^(pilihan (editor|redaksi)|berita pilihan|rekomendasi( untuk anda)?|baca)\s*[:：].*"),
    # Video and live embeds and their prompts.
    ("video", r"^\[?\s*gambas\b.*"),
    (
        "video",
        r"^(simak|tonton|saksikan|lihat|putar|nonton)( juga)?( (video|live|siaran( langsung)?|"
        r"tayangan|streaming|podcast|infografis))\b.*",
    ),
    ("video", r"^(video|foto|galeri)( (pilihan|terkait|terpopuler|lainnya|unggulan))?\s*:?$"),
    # Advertising and scroll markers.
    (
        "advert",
        r"^(iklan|advertisement|ads?|sponsored|konten (bersponsor|sponsor)|artikel sponsor|"
        r"advertorial|promoted|promosi)\s*([:·|•\-–]\s*.{0,40})?$",
    ),
    ("advert", r"^(scroll|gulir)( ke bawah)? (to|untuk) (continue|lanjut|melanjutkan|membaca)\b.*"),
    # Pagination and navigation.
    ("navigation", r"^(simak|baca|lihat)( berita| artikel| ulasan| info)? selengkapnya\b.{0,80}$"),
    (
        "navigation",
        r"^(halaman|hal\.?)\s*(selanjutnya|berikutnya|sebelumnya|\d+(\s*(dari|/)\s*\d+)?)"
        r"\s*[:.>»]*$",
    ),
    (
        "navigation",
        r"^(selanjutnya|berikutnya|sebelumnya|lanjutkan membaca|lanjut baca|"
        r"kembali ke atas|tutup|menu|muat lebih banyak)\s*[>»:.]*$",
    ),
    ("navigation", r"^(beranda|home|indeks)\s*[>»/|›].*"),
    ("navigation", r"^(loading|memuat)\s*\.*$"),
    ("navigation", r"^klik (di ?sini|tautan (ini|berikut))\b.{0,80}$"),
    ("navigation", r"^(lihat|buka|perbesar|tutup) (foto|galeri|gambar|video|komentar)$"),
    # Subscription prompts (an imperative and a channel name).
    (
        "subscribe",
        r"^(dapatkan|ikuti|follow|gabung|bergabung|join|simak|pantau|langganan|"
        r"berlangganan)\b.{0,120}\b(google news|telegram|whatsapp|wa channel|newsletter|"
        r"saluran|channel|notifikasi)\b.*",
    ),
    (
        "subscribe",
        r"\b(di|dari|ke|melalui|lewat) (google news|whatsapp channel|saluran whatsapp|"
        r"grup telegram|kanal telegram)\b.{0,60}$",
    ),
    # Syndication notes (a copy names where the text first ran).
    (
        "syndication",
        r"^artikel ini (telah|sudah|pertama kali)? ?(tayang|terbit|dimuat|ditayangkan|"
        r"diterbitkan|dipublikasikan|disadur)\b.*",
    ),
    # Editorial advisories addressed to the reader (suicide-prevention notes and the like):
    # they speak to "Anda", name the risk and point to help; a quoted source would carry marks.
    (
        "disclaimer",
        r"^(?!.*[\"“”])(?=.*\banda\b)(?=.*\b(bunuh diri|depresi|kesehatan mental)\b)"
        r"(?=.*\b(hubungi|konsultasi\w*|layanan|psikolog|hotline)\b).{20,700}$",
    ),
    # Copyright, tags and section lists.
    ("copyright", r"^(copyright|hak cipta|©|\(c\))\b.*"),
    ("copyright", r"\b(hak cipta dilindungi( undang-undang)?)\b"),
    (
        "copyright",
        r"^dilarang (keras )?(mengambil|mengutip|menyalin|memperbanyak|menyebarluaskan)\b"
        r".{0,200}\btanpa izin\b",
    ),
    ("tags", r"^(tags?|tagar|topik|label|kata kunci|kategori|rubrik)\s*[:：].*"),
    # Lines of symbols only (close buttons, separators).
    ("symbol", r"^[\W_]{1,5}$"),
)

#: A line that is only one of these labels opens a box of links: the headline-like lines
#: right after it are furniture too (until the next line of prose).
BLOCK_OPENERS: tuple[tuple[str, str], ...] = (
    (
        "related",
        r"^(baca juga|lihat juga|simak juga|berita terkait|artikel terkait|berita lainnya|"
        r"artikel lainnya|berita populer|terpopuler|pilihan redaksi|rekomendasi|"
        r"rekomendasi untuk anda|topik pilihan|baca berikutnya)\s*[:：]?$",
    ),
)

#: Furniture written in capitals inside body lines; removed in place.
INLINE: tuple[tuple[str, str], ...] = (
    ("advert", r"SCROLL TO CONTINUE WITH CONTENT"),
    ("advert", r"\bADVERTISEMENT\b"),
)

#: Byline roles: the label word and whether the person credited wrote (or edited) the text.
BYLINE_ROLES: dict[str, bool] = {
    "penulis": True,
    "naskah": True,
    "reporter": True,
    "pewarta": True,
    "wartawan": True,
    "laporan wartawan": True,
    "kontributor": True,
    "oleh": True,
    "editor": True,
    "penyunting": True,
    "redaktur": True,
    "infografis": False,
    "grafis": False,
    "foto": False,
    "fotografer": False,
    "videografer": False,
    "video": False,
    "desain": False,
    "ilustrasi": False,
    "sumber": False,
}

#: Words that open a photo caption.
CAPTION_OPENERS = r"^(foto|ilustrasi|dok\.|dokumentasi|tangkapan layar|gambar|suasana)\s*[:.,\-–]"

#: A photo credit closing a caption: "(Foto: VOA/AP)", "(Sumber: ... via AP)", "(Dok. Humas)".
CAPTION_CREDITS = r"\((foto|sumber( foto)?|dok(umentasi)?\.?|ilustrasi|gambar|tangkapan layar|kredit)\b[^()]*\)\s*\.?$"

#: Byline roles that name who edited, not who wrote: an HTML page's authors leave them out.
EDITOR_ROLES = ("editor", "penyunting", "redaktur")

#: Lower-case words inside a person's name as bylines print it ("Ahmad bin Said"); those of names
#: from other languages are in their own data.
NAME_PARTICLES = ("bin", "binti", "di", "al", "el")
#: The word between the last two names of a byline ("Andi dan Budi").
BYLINE_JOINS = ("dan",)
