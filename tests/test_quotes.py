"""Who said what: quotes, speakers, roles, sources."""

from __future__ import annotations

import pytest

from kroscek.annotate.quotes import find_quotes
from kroscek.annotate.sentences import split_sentences
from kroscek.model import Article, Quote


def _quotes(text: str, language: str = "id", *, tagger: bool = True) -> list[Quote]:
    return find_quotes(text, split_sentences(text, language), language, [], tagger=tagger)


def _by_start(article: Article, prefix: str) -> Quote:
    return next(q for q in article.quotes if article.text[q.start : q.end].startswith(prefix))


def test_direct_quote_with_role_source_and_date(seeds: dict[str, Article]) -> None:
    q = _by_start(seeds["001"], "Korea Utara dan Rusia merupakan dua negara")
    assert (q.kind, q.speaker, q.speaker_role, q.cue) == (
        "direct",
        "Lin Jian",
        "juru bicara Kementerian Luar Negeri China",
        "ucap",
    )
    assert (q.cited_from, q.date) == ("AFP", "2024-11-01")
    text = seeds["001"].text
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end] == "Lin Jian"


def test_short_names_and_pronouns_resolve(seeds: dict[str, Article]) -> None:
    lin = _by_start(seeds["001"], "Posisi China yang mengharapkan")
    assert (lin.speaker, lin.speaker_canonical) == ("Lin", "Lin Jian")  # "tegas Lin"
    guo = _by_start(seeds["000"], "kebijakan luar negeri China")
    assert guo.speaker_canonical == "Guo Jiakun"  # "Guo menegaskan bahwa …"
    ia = _by_start(seeds["000"], "keterlibatan militer Korea Utara memberikan")
    assert ia.speaker_canonical == "Valery Gerasimov"  # "Ia juga menyebut …" after "ucap Gerasimov"
    nya = _by_start(seeds["004"], "keikutsertaan tentara Korut")
    assert nya.speaker_canonical == "Valery Gerasimov"  # "Menurutnya" after "Gerasimov menunjukkan …"


def test_capital_as_government_and_partial_quote(seeds: dict[str, Article]) -> None:
    q = _by_start(seeds["001"], "tidak mengetahui situasi spesifik")
    assert (q.kind, q.speaker, q.speaker_canonical, q.speaker_kind) == ("direct", "Beijing", "China", "government")


def test_cited_from_channels(seeds: dict[str, Article]) -> None:
    assert _by_start(seeds["000"], "Interaksi antara Rusia").cited_from == "Kyiv Independent"
    assert _by_start(seeds["000"], "Saya ingin menekankan").cited_from == "Politico"
    assert _by_start(seeds["004"], "Tentara dan perwira").cited_from == "situs resmi Kremlin"
    kcna = _by_start(seeds["004"], "Pasukan Korea Utara berkontribusi")
    assert (kcna.speaker, kcna.speaker_kind, kcna.cited_from, kcna.date) == (
        "Komisi Militer Pusat Partai Pekerja Korea",
        "organisation",
        "Korean Central News Agency (KCNA)",
        "2025-04-27",
    )
    kim = _by_start(seeds["004"], "Siapapun yang berjuang")
    assert (kim.speaker, kim.cited_from) == ("Kim Jong Un", "KCNA")  # "lapor KCNA mengutip ucapan Kim Jong Un"


def test_unmarked_first_person_speech(seeds: dict[str, Article]) -> None:
    q = _by_start(seeds["003"], "Saya tekankan sekali lagi")
    assert (q.kind, q.speaker_canonical) == ("unmarked", "Lin Jian")


def test_scare_quotes_and_titles_are_not_quotes(seeds: dict[str, Article]) -> None:
    texts = [seeds["001"].text[q.start : q.end] for q in seeds["001"].quotes]
    assert "bungkamnya" not in texts
    found = _quotes('Ia hadir dalam diskusi "Sinkronisasi Kebijakan Bank Indonesia dan OJK" di Jakarta.')
    assert found == []


def test_indirect_forms() -> None:
    found = _quotes(
        "Menurut Johan , laporan itu merupakan bahan mentah . Angel , kata Hajrul , sudah paham garis partai ."
    )
    assert [(q.kind, q.speaker, q.cue) for q in found] == [
        ("indirect", "Johan", "Menurut"),
        ("indirect", "Hajrul", "kata"),
    ]
    [tail] = _quotes("London adalah kota termahal di Eropa untuk kegiatan kebudayaan , kata sebuah survei .")
    assert (tail.speaker, tail.kind) == ("sebuah survei", "indirect")


def test_not_speech() -> None:
    assert _quotes("KCNA tidak menyebutkan dalam laporannya berapa jumlah tentara yang dikirim.") == []
    assert _quotes("Pejabat yang mengungkapkan keterlibatan itu adalah Gerasimov.") == []


def test_english_rule_readers() -> None:
    # The rule readers alone (the attribution tagger reads their spans; tests/test_english_quotes.py).
    text = '"We will win this state," Trump said on Tuesday. The economy is slowing, officials said.'
    found = _quotes(text, "en", tagger=False)
    assert [(q.kind, q.speaker, q.cue) for q in found] == [
        ("direct", "Trump", "said"),
        ("indirect", "officials", "said"),
    ]


def test_an_outlet_is_never_a_person_speaker() -> None:
    from kroscek.annotate.quotes.language import _lang
    from kroscek.annotate.quotes.speaker import _kind_of

    lang = _lang("id")
    assert _kind_of("Liputan6", lang) == "media" and _kind_of("detik.com", lang) == "media"
    assert _kind_of("Ilham Akbar Habibie", lang) == "person"


def test_marks_around_nothing_are_no_quote() -> None:
    # Found by the property tests: a run of straight marks after a reporting verb gave start == end.
    text = "Juru bicara Kementerian Luar Negeri China, Lin Jian, mengatakan bahwa" + '"' * 40
    assert _quotes(text) == []
    assert _quotes('Ia berkata "" kemarin, “ , ” kata Budi.') == []
    (quote,) = _quotes('"Kami tidak akan mundur," kata Budi.')
    assert quote.start < quote.end


def test_a_sentence_opener_is_never_a_speaker() -> None:
    # The class: a connective or adverb that opens the sentence is read with the name after it.
    text = (
        'Pengacara Andi Wijaya mengatakan kliennya hadir. "Saya sakit," kata Lisa Mariana. '
        "Adapun Lisa Mariana mengatakan bahwa ia akan hadir pekan depan. "
        "Sekarang dia mengatakan bahwa pemeriksaan ditunda. "
        "Hal itu disampaikan dalam konferensi pers di Bandung."
    )
    found = _quotes(text)
    speakers = [q.speaker_canonical for q in found]
    assert speakers and all(s and not s.startswith(("Adapun", "Sekarang", "Hal")) for s in speakers)
    adapun = next(q for q in found if text[q.start : q.end].startswith("ia akan hadir"))
    assert adapun.speaker == "Lisa Mariana"
    assert text[adapun.speaker_start : adapun.speaker_end] == "Lisa Mariana"  # type: ignore[index]


def test_a_cited_source_is_read_with_its_languages_source_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from kroscek.annotate.quotes.language import _lang
    from kroscek.lang.id import quotes as indonesian

    said = '"Kami siap membantu korban banjir," kata Budi, seperti dilansir kantor berita Antara of.'
    assert [q.cited_from for q in _quotes(said)] == ["kantor berita Antara"]  # "of" joins a name, never ends one
    # English reads English's words (lang/en/quotes.py), not Indonesian's.
    english = '"We are ready to help the victims," Smith said, as reported by {}.'
    assert [q.cited_from for q in _quotes(english.format("media outlets"), "en", tagger=False)] == ["media"]
    assert [q.cited_from for q in _quotes(english.format("kantor berita Antara"), "en", tagger=False)] == [None]
    # The words are data: without "kantor" in Indonesian's, that source is not read.
    monkeypatch.setattr(indonesian, "SOURCE_WORDS", tuple(w for w in indonesian.SOURCE_WORDS if w != "kantor"))
    _lang.cache_clear()
    try:
        assert [q.cited_from for q in _quotes(said)] == [None]
    finally:
        monkeypatch.undo()
        _lang.cache_clear()


def test_the_word_opening_reported_content_after_the_cue_is_the_languages() -> None:
    from kroscek.annotate.quotes.language import _lang

    assert _lang("id").that_later.search("di konferensi pers bahwa ekonomi tumbuh") is not None
    assert _lang("en").that_later.search("di konferensi pers bahwa ekonomi tumbuh") is None
    english, indonesian = (
        _lang("en").statement.match("statement resmi "),
        _lang("id").statement.match("keterangan resmi "),
    )
    assert english is not None and english.group() == "statement "  # "resmi" is Indonesian's
    assert indonesian is not None and indonesian.group() == "keterangan resmi "


def test_asides_before_a_speaker_and_lists_of_names_are_read_with_the_languages_words() -> None:
    from kroscek.annotate.quotes.language import _lang

    assert _lang("id").leading_aside.match("Senin (5/8) malam, ") is not None
    assert _lang("en").leading_aside.match("Senin (5/8) malam, ") is None  # an Indonesian day's name
    assert _lang("en").leading_aside.match("Monday night, ") is not None
    assert _lang("id").list_split.split("Rusia dan China") == ["Rusia", "China"]
    assert _lang("en").list_split.split("Rusia dan China") == ["Rusia dan China"]


def test_a_word_that_names_nobody_is_not_the_speaker() -> None:
    text = (
        "Kepala Dinas Pertanian Garut Budi Santoso mengatakan panen cabai turun tahun ini. "
        '"Pasokan berkurang karena hujan terus turun," kata Budi. Pasalnya, harga pupuk juga naik, ujarnya.'
    )
    speakers = {q.speaker_canonical for q in _quotes(text)}
    assert speakers == {"Budi Santoso"}


def test_a_role_with_its_holder_in_apposition_opens_a_sentence() -> None:
    text = (
        "Pengacara Ridwan Kamil, Muslim Jaya Butar Butar, menanggapi penetapan tersangka itu. "
        "Ia mengatakan kliennya menghormati proses hukum."
    )
    (quote,) = _quotes(text)
    assert quote.speaker_canonical == "Muslim Jaya Butar Butar"


def test_a_capitalised_common_word_opening_a_sentence_is_no_subject_for_a_pronoun() -> None:
    # The class: "Ia"/"-nya" takes the person who opened a sentence after the last quote, but a
    # sentence opened by an ordinary word ("Potensi …", "Terlebih …", "Dari hasil …") or by a
    # person only talked about names no speaker: the speaker before goes on.
    text = (
        "Kepala Dinas Perikanan Sumbawa Rudi Hartono mengatakan tangkapan nelayan turun tajam. "
        "Potensi kerugian nelayan diperkirakan mencapai Rp 2 miliar. Ia menyebutkan cuaca buruk sebagai penyebabnya. "
        'Dari catatan dinas, Joko melaut dua kali sepekan. "Kami akan membantu bahan bakar," ujarnya.'
    )
    speakers = [q.speaker_canonical for q in _quotes(text)]
    assert speakers == ["Rudi Hartono", "Rudi Hartono", "Rudi Hartono"]
    # A person the article names in full is still the subject a pronoun takes.
    text = (
        '"Harga ikan naik," kata Rudi Hartono. Menteri Kelautan Sakti Wahyu menunjukkan data ekspor. '
        "Menurutnya, ekspor tuna tumbuh dua kali lipat."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Sakti Wahyu"]


def test_a_long_role_before_a_name_never_cuts_the_names_end() -> None:
    # The class: a four-word window read "Menteri Perhubungan Budi Karya" out of a five-word run,
    # and a pronoun's speaker became "Perhubungan Budi Karya", a name that ends wrong.
    text = (
        "Menteri Perhubungan Budi Karya Sumadi meninjau Pelabuhan Merak pada Sabtu. "
        '"Antrean kapal sudah berkurang," kata Budi. "Kami menambah dermaga," ujarnya.'
    )
    speakers = [q.speaker_canonical or "" for q in _quotes(text)]
    assert len(speakers) == 2 and all(s.endswith("Budi Karya Sumadi") for s in speakers)
    # A body's acronym ends the role: the name follows it.
    text = (
        "Ketua Umum PSSI Agus Salim Hamid membuka kongres di Jakarta. "
        '"Liga akan dimulai Agustus," kata Agus. "Semua klub siap," ujarnya.'
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Agus Salim Hamid", "Agus Salim Hamid"]


def test_a_phrase_a_demonstrative_closes_points_back_to_the_speaker_named_before() -> None:
    # The class: "Ketum partai ini mengaku …", "Ibu dua anak itu mengaku …", "kata pria tersebut"
    # describe someone named before; read as a name they became a new, nameless speaker.
    text = (
        '"Saya tidak akan mundur," kata Ratna Sari di Semarang. '
        "Ibu dua anak itu juga mengaku kecewa dengan putusan hakim. "
        '"Kami akan banding," kata pengacara Dimas Pratama. "Berkasnya sudah siap," kata pria tersebut.'
    )
    found = _quotes(text)
    assert [(q.speaker, q.speaker_canonical) for q in found] == [
        ("Ratna Sari", "Ratna Sari"),
        ("Ibu dua anak itu", "Ratna Sari"),
        ("Dimas Pratama", "Dimas Pratama"),
        ("pria tersebut", "Dimas Pratama"),
    ]


def test_a_word_after_the_speakers_name_saying_how_is_no_part_of_it() -> None:
    # The class: "jawab Purbaya singkat" read the speaker "Purbaya singkat", and every later
    # "Purbaya" took it as his full name; a period glued to the next word ends the name too.
    text = (
        "Bupati Dedi Kurniawan meninjau tanggul yang jebol di desa itu. "
        '"Belum tahu," jawab Dedi singkat. "Kami hitung dulu kerugiannya," kata Dedi .Ini Daftar Desa Terdampak. '
        '"Tanggulnya rapuh," ujar pria berkacamata itu.'
    )
    assert [(q.speaker, q.speaker_canonical) for q in _quotes(text)] == [
        ("Dedi", "Dedi Kurniawan"),
        ("Dedi", "Dedi Kurniawan"),
        ("pria berkacamata itu", "Dedi Kurniawan"),  # a closing demonstrative stays: it points back
    ]


def test_a_passive_reporting_verb_gives_the_speaker_after_it() -> None:
    # The class: "Hal itu dikatakan X." says who said the sentences before it; "Dijelaskan X, …"
    # and "…, disebutkan X, …" put the speaker after a passive verb. Without them the content was
    # no quote and the next "Ia" had no one to point to.
    text = (
        "Pemerintah akan membangun tiga bendungan baru di Nusa Tenggara Timur. Pembangunan dimulai tahun depan.\n"
        "Hal itu disampaikan langsung oleh Direktur Jenderal Sumber Daya Air, Rahmat Hidayat. "
        "Ia mengatakan anggaran untuk proyek itu sudah disetujui.\n"
        "Dijelaskan Rahmat, ketiga bendungan akan mengairi sawah seluas 12 ribu hektare.\n"
        "Lokasi pertama, disebutkan Rahmat, berada di Kabupaten Kupang."
    )
    found = _quotes(text)
    assert [(text[q.start : q.end][:22], q.cue, q.speaker_canonical) for q in found] == [
        ("Pemerintah akan memban", "disampaikan", "Rahmat Hidayat"),
        ("anggaran untuk proyek ", "mengatakan", "Rahmat Hidayat"),
        ("ketiga bendungan akan ", "Dijelaskan", "Rahmat Hidayat"),
        ("Lokasi pertama, disebu", "disebutkan", "Rahmat Hidayat"),
    ]
    # A passive verb with no one after it, or one that is no reporting ("disebut berperan"), is none.
    assert _quotes("Proyek itu, disebut sebagai yang terbesar, dibiayai APBN. Hal itu diungkap saat rapat.") == []


def test_an_ordinary_word_opening_the_clause_is_no_speaker() -> None:
    # The class: "Sepekan lalu PSSI mengklaim …", "Selain laporan warga, Zakki menambahkan …" read
    # the opening word as the speaker, and every "-nya" after took it.
    text = (
        "Sepekan lalu PSSI mengklaim stadion itu sudah layak dipakai untuk laga internasional. "
        "Selain laporan dari warga sekitar, Rudi Hartono menambahkan, atap tribun juga bocor. "
        '"Kami sudah melapor ke dinas," ujarnya. Usai rapat dia berujar bahwa perbaikan dimulai bulan depan.'
    )
    assert [q.speaker for q in _quotes(text)] == ["PSSI", "Rudi Hartono", "Rudi Hartono", "dia"]
    # A clause whose opening noun has its own verb keeps its subject: no speaker is read past it.
    assert _quotes("Pengakuan Korea Utara diungkapkan setelah Rusia sebelumnya mengonfirmasi kabar itu.") == []


def test_reporting_someone_to_the_police_is_no_speech() -> None:
    # The class: "melaporkan" takes a person as its object ("X melaporkan Y ke polisi"); read as
    # speech it made a false quote whose speaker every "-nya" after it took.
    assert _quotes("Ketua RT Budi Santoso melaporkan tetangganya ke Polsek Cibinong pekan lalu.") == []
    (quote,) = _quotes("Kepala BPBD Budi Santoso melaporkan bahwa banjir telah surut di tiga desa.")
    assert quote.speaker == "Budi Santoso"


def test_a_quote_closed_by_a_rebuke_or_a_closing_word_reads_its_speaker_after_it() -> None:
    # The class: "tegur Tomsi", "sindir X", "sahut Y", "tutup Z", "harapnya" are reporting words
    # too; missing from the list, the quote took the speaker before it.
    text = (
        '"Stok beras aman sampai akhir tahun," kata Rudi Hartono. '
        '"Tolong harga di pasar dicek setiap hari," tegur Sinta Dewi kepada para kepala dinas. '
        '"Jangan cuma rapat," sindir Sinta. "Siap, Bu," sahut Rudi. "Semoga harga turun," harapnya.'
    )
    assert [(q.cue, q.speaker_canonical) for q in _quotes(text)] == [
        ("kata", "Rudi Hartono"),
        ("tegur", "Sinta Dewi"),
        ("sindir", "Sinta Dewi"),
        ("sahut", "Rudi Hartono"),
        ("harap", "Rudi Hartono"),
    ]


def test_a_roles_holder_in_apposition_is_the_speaker() -> None:
    # The class: a role or description, then the name of the one it describes between commas;
    # the role was read as the speaker and the name lost.
    cases = [
        ("Menurut Kepala Bidang Cuaca BMKG, Rina Kartika, hujan lebat turun hingga Jumat.", "Rina Kartika"),
        ("Pengacara keluarga lainnya, Dimas Pratama, menjelaskan gugatan sudah didaftarkan.", "Dimas Pratama"),
        ("Agus Salim, Kepala Seksi Penagihan, Kantor Pajak Kudus menjelaskan tunggakan naik.", "Agus Salim"),
        ('"Airnya naik sejak subuh," kata pedagang yang berjualan di situ, Wati (41), kepada wartawan.', "Wati"),
    ]
    for text, speaker in cases:
        assert [q.speaker for q in _quotes(text)] == [speaker], text


def test_the_one_a_passive_verb_names_is_who_a_later_pronoun_points_to() -> None:
    # The class: "Hal ini diungkapkan oleh X." after a body's own statement: the statement keeps
    # its body, and the "Dia" that follows is X, not the body.
    text = (
        "Badan Meteorologi memastikan musim hujan datang lebih awal tahun ini. "
        "Hal ini diungkapkan oleh Kepala Badan Meteorologi Rina Kartika. "
        "Dia mengatakan petani perlu menyesuaikan jadwal tanam."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Badan Meteorologi", "Rina Kartika"]


def test_a_roles_holder_opening_a_sentence_is_who_a_later_pronoun_points_to() -> None:
    # The class: "Direktur Penegakan Hukum Kementerian ESDM, Ma'mun, memberi …" presents a person
    # by a long role and a one-word name; "-nya" after it took the speaker before.
    text = (
        '"Tambang itu ilegal," kata Rudi Hartono. '
        "Sementara itu Direktur Penegakan Hukum Kementerian ESDM, Ma'mun, memberi imbauan kepada warga. "
        '"Silakan urus izinnya," ujarnya.'
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Ma'mun"]


def test_a_form_of_address_is_no_part_of_a_name() -> None:
    # The class: "Pak Dedi" written inside a quote became the full name a later "Dedi" took.
    text = (
        "Gubernur Dedi Mulyadi menantang menteri membuka data. "
        '"Jadi jangan Pak Dedi menyuruh saya bekerja," kata Rudi Hartono. '
        '"Saya sudah cek semua rekening," ujar Dedi. "Datanya terbuka," imbuhnya.'
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Dedi Mulyadi", "Dedi Mulyadi"]


def test_a_groups_phrase_is_read_whole() -> None:
    # The class: "Sebuah studi baru mengungkap …" read "Sebuah" as the speaker, and "tulis para
    # peneliti" was dropped as a phrase naming nobody, so the quote took the speaker before.
    text = (
        "Sebuah studi baru mengungkap mikroplastik sudah masuk ke jaringan otak manusia. "
        '"Temuan ini perlu diteliti lebih lanjut," tulis para peneliti dalam makalah mereka. '
        "Sejumlah dokter menyatakan risiko itu belum bisa diukur."
    )
    assert [q.speaker for q in _quotes(text)] == ["Sebuah studi baru", "para peneliti", "Sejumlah dokter"]


def test_the_agent_of_a_passive_reporting_verb_is_who_a_later_pronoun_points_to() -> None:
    # The class: "Pengumuman itu dikonfirmasi oleh X. Dia menyebut …": before any quote, the
    # pronoun had no one to point to.
    text = (
        "Pengumuman tersangka itu dikonfirmasi oleh Kepala Subdirektorat Siber, Kombes Rudi Hartono, Minggu. "
        "Dia menyebut tersangka sudah menerima surat panggilan."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono"]


def test_an_ordinal_opening_a_list_item_is_no_speaker() -> None:
    # The class: "Keenam, massa meminta …" read the ordinal as the speaker, and the next "-nya"
    # took it.
    text = (
        '"Kami membawa delapan tuntutan," kata Rudi Hartono. '
        "Keenam, massa meminta pemerintah mewujudkan pendidikan gratis. "
        '"Tujuh, ciptakan kesehatan untuk rakyat," ujarnya.'
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Rudi Hartono"]


def test_a_name_never_runs_across_a_line_break() -> None:
    # The class: a subheading ("Emosi Setelah Dihina") over a paragraph opening with a name was
    # read with it as one full name, which every later short name took.
    text = (
        "Polisi menangkap Joko Susilo di Bitung.\n\nMotif Sakit Hati\n\n"
        "Joko mengaku kesal karena sering dihina. Dia mengatakan tidak ada yang membantunya."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Joko Susilo", "Joko Susilo"]


def test_a_direct_quote_takes_a_subject_only_when_the_sentence_introduces_them_by_role() -> None:
    # The class: in a story's narration ("Joko akhirnya ditangkap …") the subject is someone talked
    # about; the "-nya" of the next quote is still the officer quoted before. A person introduced by
    # a role ("Ketua DPR Mike Johnson mencemooh …") is the one who goes on talking.
    text = (
        '"Pelaku sempat kabur ke Bitung," kata Kapolsek Rudi Hartono. '
        'Joko Susilo akhirnya ditangkap di sebuah bedeng. "Kami lumpuhkan supaya tidak kabur," ujarnya. '
        'Ketua DPR Mike Johnson mencemooh demonstrasi itu. "Mereka membenci Amerika," katanya.'
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Rudi Hartono", "Mike Johnson"]


def test_a_bare_office_word_is_its_holder_named_before() -> None:
    # The class: "tegas Menaker" after "Menteri Ketenagakerjaan Yassierli …" and "ungkap Walkot
    # Agung" after "Wali Kota Pekanbaru Agung Nugroho": a short form of the office names the
    # person holding it; offices written short ("Kapolsek", "Walkot") are role words.
    text = (
        "Menteri Ketenagakerjaan Rina Kartika memastikan program magang gratis. "
        '"Perusahaan yang memungut biaya langsung kami coret," tegas Menaker. '
        "Wali Kota Bogor Dedi Kurniawan meninjau pasar murah. "
        '"Harga cabai sudah turun," ungkap Walkot Dedi.'
    )
    rina, menaker, walkot = (q.speaker_canonical or "" for q in _quotes(text))
    assert rina == menaker == "Rina Kartika"
    assert walkot.endswith("Dedi Kurniawan")  # the city before the name stays in it (a limit)


def test_a_quote_opening_with_a_reporting_word_capitalised_is_speech() -> None:
    # The class: '"Tanya saja ke BI …," beber X.' was dropped as the tail of an earlier quote
    # ('" kata X …'), which opens with the reporting word in lower case.
    text = '"Tanya saja ke bank sentral, datanya dari sana," beber Rudi Hartono.'
    assert [(q.kind, q.speaker) for q in _quotes(text)] == [("direct", "Rudi Hartono")]


def test_a_name_after_the_speakers_comma_that_opens_a_clause_is_not_the_speaker() -> None:
    # The class: "…, sebut Purbaya, KDM bisa memeriksanya …" and "…, lanjut Sugiono, Noel
    # menerima …" read the clause's subject as an apposition of the speaker.
    text = (
        "Jika ingin tahu rinciannya, sebut Rudi Hartono, Dedi bisa memeriksanya sendiri ke bank. "
        "Dalam waktu dekat, kata Rudi, DLH juga akan menyampaikan hasilnya. "
        '"Datanya terbuka," kata juru bicara Kementerian Keuangan, Sinta Dewi, kepada wartawan.'
    )
    assert [q.speaker for q in _quotes(text)] == ["Rudi Hartono", "Rudi", "Sinta Dewi"]


def test_the_agent_of_a_passive_verb_of_answering_speaks_next() -> None:
    # The class: "Pernyataan itu direspons keras oleh X. Ia menegaskan …" and "Optimisme itu
    # disambut Duta Besar …, Y, … Ia menyatakan …": the pronoun took the speaker before.
    text = (
        '"Dana daerah mengendap di bank," kata Menteri Rudi Hartono. '
        "Pernyataan itu direspons keras oleh Gubernur Dedi Kurniawan. "
        "Ia menegaskan tidak ada dana yang disimpan dalam deposito. "
        "Optimisme itu disambut Duta Besar Jepang, Kenji Sato, yang meninjau lokasi. "
        "Ia juga menyatakan minat Jepang untuk berinvestasi."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Rudi Hartono", "Dedi Kurniawan", "Kenji Sato"]


def test_an_ampersand_or_a_slash_inside_a_role_keeps_the_phrase_whole() -> None:
    # The class: "Kepala Departemen Pengelolaan Moneter & Aset Sekuritas BI X mengatakan …" and
    # "Menteri PPN / Kepala Bappenas X mengatakan …" broke at the symbol and lost the quote.
    text = (
        "Kepala Departemen Pengelolaan Moneter & Aset Sekuritas BI Rudi Hartono mengatakan suku bunga "
        "ditahan karena inflasi turun lebih lambat. Menteri PPN / Kepala Bappenas Sinta Dewi mengatakan "
        "pemindahan ibu kota tetap berjalan sesuai rencana."
    )
    assert [q.speaker for q in _quotes(text)] == ["Rudi Hartono", "Sinta Dewi"]


def test_a_singular_pronoun_points_to_a_person_and_initials_name_one() -> None:
    # The class: "BRIN menyarankan …" between a researcher's quote and "ia" made the body the
    # pronoun's speaker; "KDM" (Kang Dedi Mulyadi's initials) read as an organisation did the same.
    text = (
        '"Suhu bisa mencapai 38 derajat," kata peneliti Rina Kartika. '
        "BRIN menyarankan warga memakai tabir surya saat siang. "
        "Ia menjelaskan panas ini akan berlangsung sepekan. "
        "Tantangan itu datang dari Gubernur Kang Dedi Mulyadi (KDM) pekan lalu. "
        "KDM memastikan tidak ada dana daerah dalam deposito. Ia menjamin datanya terbuka."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == [
        "Rina Kartika",
        "BRIN",
        "Rina Kartika",
        "Kang Dedi Mulyadi",
        "Kang Dedi Mulyadi",
    ]


def test_a_pronoun_skips_a_group_and_takes_a_holder_introduced_in_lower_case() -> None:
    # The class: "Sejumlah pihak mengkritik … Dari sisi legislatif, anggota Komisi II DPR, X, pun
    # angkat bicara. Ia menilai …": "ia" took the group, not the member named after it.
    text = (
        "Sejumlah pihak mengkritik keras aturan tersebut. "
        "Dari sisi legislatif, anggota Komisi II DPR, Rudi Hartono, pun angkat bicara. "
        "Ia menilai pejabat publik seharusnya terbuka."
    )
    assert [q.speaker_canonical for q in _quotes(text)] == ["Sejumlah pihak", "Rudi Hartono"]
