"""Resolution: pronouns and short names to full speakers, cited outlets and dates, unmarked speech; find_quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace as replace_found

from msgspec.structs import replace

from kroscek.annotate.quotes.confidence import path_confidence
from kroscek.annotate.quotes.detect import _direct, _indirect, _named_agent, _referring_agent, _said_before
from kroscek.annotate.quotes.language import _Found, _Lang, _lang, _without_openers
from kroscek.annotate.quotes.speaker import _WORDLIKE, _is_name, _kind_of, _past_openers, _split_role, _starts_with
from kroscek.annotate.quotes.tagger import TAGGED, Attribution, available, tag_attributions
from kroscek.lang import data_language
from kroscek.lang.xx import capitals
from kroscek.model import DateMention, Quote, Sentence, SpanIndex

# Resolution --------------------------------------------------------------------------------

#: A run of capitalised words, read whole: a four-word window cut "Menteri Keuangan Purbaya Yudhi
#: Sadewa" into "Menteri Keuangan Purbaya Yudhi", whose role word dropped left a name that ends wrong.
_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,9}")
#: Quote marks that open or close a tagged content span: it is direct speech.
_MARKS = "“”\"'‘’"
#: Most words a person's name is read with, counted from its end ("Ni Nyoman Dewi Pascarani").
_NAME_WORDS = 4


def _known_names(text: str, lang: _Lang) -> list[tuple[int, str]]:
    """Person-like names written in full (2-4 capitalised words, titles dropped), with positions.

    A run of capitalised words loses its leading role and function words ("Wali Kota …"), then
    everything up to its last acronym ("Ketua Fraksi PAN DPR RI Putri Zulkifli Hasan": the name
    follows the body's acronym), and keeps at most its last four words; one that still opens
    with a body's word is read as a role and its holder ("Kepala Badan … Rina Kartika")."""
    names = []
    function_words = lang.stops | lang.subordinators | lang.between | {"menurut", "namun", "bahkan"}
    for m in _FULL_NAME.finditer(text):
        tokens = m.group().split()
        while tokens:
            role = _leading_role(tokens, lang)
            if not role and tokens[0].lower() not in function_words:
                break
            del tokens[: role or 1]
        acronyms = [i for i, t in enumerate(tokens) if t.isupper() and len(t.rstrip(".")) > 1]
        if acronyms:
            del tokens[: acronyms[-1] + 1]
        name = _without_openers(" ".join(tokens[-_NAME_WORDS:]), None, lang)[0] or ""  # "Adapun Lisa Mariana"
        if _kind_of(name, lang) != "person":
            # "Kepala Badan Meteorologi Rina Kartika": a body's name before the person's.
            name = _split_role(m.group(), lang)[1]
        tokens = name.split()
        if len(tokens) >= 2 and name not in capitals.COUNTRIES and _kind_of(name, lang) == "person":
            names.append((m.start(), name))
    return names


def _leading_role(tokens: list[str], lang: _Lang) -> int:
    """How many of the first tokens spell a role word ("Wali Kota" is two, "Menteri" one)."""
    for size in (3, 2, 1):
        if len(tokens) > size and " ".join(tokens[:size]).lower().rstrip(".") in lang.role_set:
            return size
    return 0


def _words_of(name: str) -> list[str]:
    return name.replace("-", " ").split()


class _Speakers:
    """The canonical speakers so far, most recent first, looked up by word (never the whole list)."""

    def __init__(self) -> None:
        self._by_word: dict[str, dict[str, None]] = defaultdict(dict)

    def add(self, name: str) -> None:
        for word in set(_words_of(name)):
            recent = self._by_word[word]
            recent.pop(name, None)  # moved to the end: the most recent
            recent[name] = None

    def recent(self, word: str) -> Iterator[str]:
        return reversed(self._by_word.get(word, {}))


class _Names:
    """Full names written in the text (position, name), looked up by word and position."""

    def __init__(self, names: list[tuple[int, str]]) -> None:
        self._by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for at, name in names:  # in text order
            for word in set(_words_of(name)):
                self._by_word[word].append((at, name))

    def last_before(self, word: str, position: int) -> str | None:
        written = self._by_word.get(word, [])
        i = bisect_left(written, position, key=lambda item: item[0])
        return written[i - 1][1] if i else None


def _runs_in(short: list[str], full: list[str]) -> bool:
    return len(full) > len(short) and any(full[i : i + len(short)] == short for i in range(len(full) - len(short) + 1))


def _expand(name: str, position: int, names: _Names, speakers: _Speakers) -> str:
    """Expand a short name to the full name used earlier: "Lin" -> "Lin Jian"."""
    tokens = _words_of(name)
    if len(tokens) > 2 or not tokens:
        return name
    # An earlier speaker first, the most recent one; a one-word name also expands to any full
    # name written before it, since "Korupsi Johan Budi" in running text is no person's name for
    # a two-word one ("Jong Un") to take.
    for full in speakers.recent(tokens[0]):
        if _runs_in(tokens, _words_of(full)):
            return full
    if len(tokens) == 1:
        written = names.last_before(tokens[0], position)
        if written and _runs_in(tokens, _words_of(written)):
            return written
    return name


def _cited(text: str, start: int, end: int, lang: _Lang, dates: list[DateMention]) -> tuple[str | None, str | None]:
    """Return (source, date) named in text[start:end]: "seperti dilansir AFP, Jumat (1/11/2024)"."""
    match = lang.cited.search(text, start, end)
    if not match:
        return None, None
    source = match.group("src").strip(" ,.")
    source = lang.trailing_link.sub("", source)
    source_end = match.start("src") + len(source)
    when = next(
        (d.value for d in dates if source_end <= d.start <= source_end + 4 and d.value and not d.day_assumed), None
    )
    return source, when


def find_quotes(
    text: str,
    sentences: list[Sentence],
    language: str | None = "id",
    dates: list[DateMention] | None = None,
    *,
    tagger: bool = True,
) -> list[Quote]:
    """Return the quotes of an article's clean text, speakers resolved across the article, each
    with the confidence of the way its speaker was found (:mod:`kroscek.annotate.quotes.confidence`).

    English is read by the trained attribution tagger when its model is there (``tagger``: False
    reads with the rule readers alone); the rule readers' spans are among its features."""
    return [
        replace(q, confidence=path_confidence(path))
        for q, path in attributed(text, sentences, language, dates, tagger=tagger)
    ]


def attributed(
    text: str,
    sentences: list[Sentence],
    language: str | None = "id",
    dates: list[DateMention] | None = None,
    *,
    tagger: bool = True,
) -> list[tuple[Quote, str]]:
    """The quotes of an article's clean text, each with the way its speaker was found (one of
    :data:`kroscek.annotate.quotes.confidence.PATHS`), before any confidence is given."""
    code = data_language(language)
    lang = _lang(code)
    dates = dates or []
    found = _read(text, sentences, lang)
    if tagger and code in TAGGED and available():
        found = sorted(_tagged(text, sentences, found), key=lambda q: q.start)
    else:
        found = _unmarked(text, sentences, found, lang)
    # Marks around nothing ('""', '“ ”') or around punctuation only are not speech.
    found = [q for q in found if q.start < q.end and _WORDLIKE.search(text, q.start, q.end)]
    return _resolve(text, found, lang, dates, _subjects(text, sentences, lang))


def _read(text: str, sentences: list[Sentence], lang: _Lang) -> list[_Found]:
    """What the rule readers find: direct quotes, indirect speech and what a sentence points back to."""
    found: list[_Found] = []
    offset = 0
    starts = [s.start for s in sentences]
    for paragraph in text.split("\n"):
        par_start, par_end = offset, offset + len(paragraph)
        offset = par_end + 1
        if not paragraph.strip():
            continue
        in_par = sentences[bisect_left(starts, par_start) : bisect_left(starts, par_end)]
        direct = _direct(text, par_start, par_end, in_par, lang)
        found.extend(direct)
        covered = [(q.start - 1, q.end + 1) for q in direct]
        for sentence in in_par:
            indirect = _indirect(text, sentence, lang, covered)
            if indirect:
                found.append(indirect)
    found.extend(_said_before(text, sentences, found, lang))
    found.sort(key=lambda q: q.start)
    return found


def _tagged(text: str, sentences: list[Sentence], ruled: list[_Found]) -> list[_Found]:
    """The tagger's attributions as the readers' records (the rule readers' spans given to it as
    features), one per piece of content ('"…," she said, "…"' gives two); content between quote
    marks is direct speech, its words without the marks, as the rule readers give it."""
    found = []
    ends = [s.end for s in sentences]
    for attribution in _reported(tag_attributions(text, sentences, rule_spans(text, ruled)), ends):
        spans = [span for span in (attribution.content, attribution.source, attribution.cue) if span]
        last = max(b for _, b in spans)
        at = bisect_left(ends, last)
        around = (min(a for a, _ in spans), max(last, ends[at]) if at < len(ends) else last)
        for start, end in attribution.pieces:
            quote = _Found(start, end, "indirect")
            if _quoted(text, start, end):
                body = text[start:end]
                quote.start = start + len(body) - len(body.lstrip(_MARKS + " "))
                quote.end = start + len(body.rstrip(_MARKS + " ,."))
                quote.kind = "direct"
            if attribution.source:
                quote.speaker, quote.speaker_start = text[slice(*attribution.source)], attribution.source[0]
            if attribution.cue:
                quote.cue, quote.cue_start = text[slice(*attribution.cue)], attribution.cue[0]
            quote.around = around
            found.append(quote)
    return found


def _reported(attributions: list[Attribution], ends: list[int]) -> list[Attribution]:
    """The attributions, each one with content but no source given the source and cue of the one
    of its sentence that has a source but no content: the clause that reports it ("Heavy rain is
    forecast to continue …, the weather agency said": the tagger reads "is forecast" as the cue of
    the content and "the weather agency said" as an attribution of nothing)."""

    def sentence(span: tuple[int, int]) -> int:
        return bisect_left(ends, span[1])

    reporting = {sentence(a.cue): a for a in attributions if a.source and a.cue and not a.pieces}
    out = []
    for a in attributions:
        outer = reporting.get(sentence(a.pieces[0])) if a.pieces and a.source is None else None
        out.append(replace_found(a, source=outer.source, cue=outer.cue) if outer else a)
    return out


def rule_spans(text: str, found: list[_Found]) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) of the Content, Source (the phrase as read) and Cue the rule readers found:
    the tagger's features, the same in training (``training/attribution/build.py``)."""
    spans = []
    for q in found:
        spans.append(("Content", (q.start, q.end)))
        if q.speaker and q.speaker_start is not None:
            spans.append(("Source", (q.speaker_start, q.speaker_start + len(q.speaker))))
        cue_at = _cue_position(text, q)
        if cue_at is not None and q.cue:
            spans.append(("Cue", (cue_at, cue_at + len(q.cue))))
    return spans


def read_rules(text: str, sentences: list[Sentence], language: str) -> list[tuple[str, tuple[int, int]]]:
    """The rule readers' spans in an article (``rule_spans``), for training the tagger."""
    return rule_spans(text, _read(text, sentences, _lang(data_language(language))))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is marked speech: it opens or closes with a quote mark, or lies between two."""
    body = text[start:end].strip(" .,")
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (
        body[:1] in _MARKS
        or body[-1:] in _MARKS
        or (any(m in before for m in _MARKS) and any(m in after for m in _MARKS))
    )


_APPOSITION = re.compile(r"\s*,\s*(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})\s*,")


def _subjects(text: str, sentences: list[Sentence], lang: _Lang) -> list[tuple[int, str, bool]]:
    """Capitalised names opening a sentence (after an opener): candidates for a later "ia", each
    with whether the sentence itself presents it as a person (a role's holder, a passive verb's
    agent) rather than only as a capitalised subject."""
    subjects = []
    for sentence in sentences:
        said_by = _referring_agent(text, sentence, lang) or _named_agent(text, sentence, lang)
        agent = _split_role(said_by[0], lang)[1] if said_by else None
        if agent and _kind_of(agent, lang) == "person":
            # "Hal ini diungkapkan oleh Direktur Jenderal Pajak Bimo Wijayanto.": the one who said it.
            subjects.append((sentence.start, agent, True))
            continue
        begin = sentence.start
        for pattern in (lang.opener, lang.preposition):
            match = pattern.match(text, begin, sentence.end)
            if match:
                begin = match.end()
        described = _described_holder(text, sentence, lang)
        if described:
            # "Dari sisi legislatif, anggota Komisi II DPR …, Deddy Yevri Sitorus, pun angkat bicara."
            subjects.append((sentence.start, described, True))
            continue
        name = re.match(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,9}", text[begin : sentence.end])
        subject = _without_openers(name.group(), begin, lang)[0] if name else None
        # "Pengacara Ridwan Kamil, Muslim Jaya Butar Butar, turut …": the role's holder is the subject.
        holder = _APPOSITION.match(text, begin + name.end(), sentence.end) if name else None
        presented = bool(subject and holder and _starts_with(subject.lower(), lang.role_set))
        if presented and holder:
            subject = holder["name"]
        elif subject and name:
            subject, presented = _introduced(subject, text, begin + name.end(), lang)
        if (
            subject
            and subject.lower() not in lang.pronouns
            and subject.split()[0].lower() not in lang.not_speaker - lang.speaker_words  # "Pasalnya", "Cabai ini"
            and _kind_of(subject, lang) == "person"
            and not (lang.according.match(subject + " ") or lang.according_own.match(subject))
        ):
            subjects.append((begin, subject, presented))
    return subjects


#: A role in lower case, then its holder between commas: "anggota Komisi II DPR, Deddy Sitorus,".
_DESCRIBED = re.compile(r"(?P<role>[a-z][^,.;:\"“”]{2,80}),\s*(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})\s*,")


def _described_holder(text: str, sentence: Sentence, lang: _Lang) -> str | None:
    """The holder of a role a sentence opens with in lower case, after its openers (a leading
    clause too), named in apposition: "Dari sisi legislatif, anggota Komisi II DPR Fraksi PDIP,
    Deddy Yevri Sitorus, pun angkat bicara." gives "Deddy Yevri Sitorus"."""
    body = text[sentence.start : sentence.end]
    match = _DESCRIBED.match(body, _past_openers(body, 0, lang))
    if not match or not _starts_with(match["role"].lower(), lang.role_set) or not _is_name(match["name"], lang):
        return None
    return match["name"]


def _introduced(subject: str, text: str, after: int, lang: _Lang) -> tuple[str, bool]:
    """A sentence subject and whether it introduces a person by role: "Ketua DPR Mike Johnson
    mencemooh …" (the role's holder), "Bill Adams, kepala ekonom di Comerica Bank, …" (a name and
    its role); a bare name ("Kamal akhirnya terciduk …") introduces no one."""
    role, name = _split_role(subject, lang)
    if role and _is_name(name, lang):
        return name, True
    if _is_name(subject, lang) and _starts_with(text[after : after + 60].lstrip(" ,").lower(), lang.role_set):
        return subject, text[after : after + 2].lstrip(" ").startswith(",")
    return subject, False


def _unmarked(text: str, sentences: list[Sentence], found: list[_Found], lang: _Lang) -> list[_Found]:
    """First-person speech without marks right after a quote: the same speaker goes on."""
    out = list(found)
    starts = [s.start for s in sentences]
    taken = SpanIndex([(q.start, q.end) for q in found])
    added: set[int] = set()
    for quote in found:
        if quote.kind == "direct":
            continue
        at = bisect_left(starts, quote.end)
        nxt = sentences[at] if at < len(sentences) else None
        if nxt is None or nxt.start in added or taken.overlaps(nxt.start, nxt.end):
            continue
        first = text[nxt.start : nxt.end].split()[0].lower() if text[nxt.start : nxt.end].split() else ""
        if first in lang.first_person:
            end = nxt.start + len(text[nxt.start : nxt.end].rstrip(" ."))
            out.append(replace_found(quote, start=nxt.start, end=end, kind="unmarked"))
            added.add(nxt.start)
    out.sort(key=lambda q: q.start)
    return out


def _resolve(
    text: str,
    found: list[_Found],
    lang: _Lang,
    dates: list[DateMention],
    subjects: list[tuple[int, str, bool]],
) -> list[tuple[Quote, str]]:
    known = _known_names(text, lang)
    names = _Names(known)
    full_names = sorted({name for _, name in known}, key=len, reverse=True)
    speakers = _Speakers()  # canonical speakers so far, persons and others
    previous: list[tuple[str, str | None, str, int | None, int | None]] = []
    previous_positions: list[int] = []
    out: list[tuple[Quote, str]] = []
    for q in found:
        role: str | None = None
        path = "named"
        speaker, start = q.speaker, q.speaker_start
        if speaker and not q.pronoun:
            speaker, start = _without_openers(speaker, start, lang)
        if speaker and not q.pronoun and _no_name(speaker, lang):
            speaker = start = None  # "Pasalnya", "terkait …": the speaker is the one before
        kind: str | None = None
        end = start + len(speaker) if start is not None and speaker else None
        canonical: str | None = None
        low = (speaker or "").lower()
        back = bool(speaker) and not q.pronoun and _points_back(low, lang)
        if speaker is None or q.pronoun or low in lang.pronouns or back:
            # "Lembaga itu" points back to a body, "Ibu tiga anak itu" to a person.
            plural = low in lang.plural or (back and _kind_of(speaker or "", lang) != "person")
            # "dia" points to a person, "mereka" to a body or a group: the most recent of that kind.
            match = next((p for p in reversed(previous) if _many(p[0], p[2], lang) == plural), None)
            if match is None and previous:
                match = previous[-1]
            # A person who opened a sentence after the last quote is nearer: "Gerasimov menunjukkan
            # … Menurutnya, …".
            last_quote = previous_positions[-1] if previous_positions else -1
            before = bisect_left(subjects, q.start, key=lambda item: item[0])  # subjects are in text order
            # A phrase that points back is the sentence's subject itself: no other is nearer.
            at, subject, presented = subjects[before - 1] if before else (-1, "", False)
            person = None
            # A direct quote takes only a person the sentence introduces by a role ("Ketua DPR Mike
            # Johnson mencemooh …", "Direktur …, Ma'mun, memberi …"): the subject of a story's
            # narration ("Kamal akhirnya terciduk …") is not who goes on talking.
            if subject and at > last_quote and not back and not plural and (presented or q.kind != "direct"):
                # A person introduced by role is one whatever the article knows; a bare capitalised
                # subject must be one it knows.
                if presented:
                    person = _expand(subject, q.start, names, speakers)
                else:
                    person = _subject_person(subject, q.start, names, speakers, lang)
            path = "carried"
            if person:
                match = (person, None, "person", None, None)
                path = "subject"
            if match:
                speaker_text, role, kind, _, _ = match
                canonical = speaker_text
                if speaker is None or q.pronoun:
                    speaker = speaker_text
                    start = end = None
            elif speaker == "nya":
                speaker = None
        elif (named := _named_after(text, speaker, q.start, full_names, lang)) is not None:
            # "kata Menaker" after "Menteri Ketenagakerjaan (Menaker) Yassierli": the person holding it.
            role, kind, canonical = speaker, "person", _expand(named, q.start, names, speakers)
            path = "role"
        elif (holder := _holder_of(speaker, previous, lang)) is not None:
            # "tegas Menaker" after "Menteri Ketenagakerjaan Yassierli memastikan …": its holder.
            role, kind, canonical = speaker, "person", holder
            path = "role"
        else:
            role, name = _split_role(speaker, lang)
            kind = _kind_of(name, lang)
            initials = _initials_of(name, text) if kind == "organisation" else None
            if initials:
                kind, canonical = "person", _expand(initials, q.start, names, speakers)
            elif kind == "government" and name in capitals.CAPITALS:
                canonical = capitals.CAPITALS[name]
            elif kind == "person":
                canonical = _expand(name, start or q.start, names, speakers)
            else:
                canonical = name
            path = "named" if kind == "person" else "body"
            if name != speaker and start is not None:
                start = text.find(name, start, end)
                end = start + len(name) if start >= 0 else None
                start = start if start >= 0 else None
                speaker = name
        if canonical:
            speakers.add(canonical)
            previous.append((canonical, role, kind or "person", start, end))
            previous_positions.append(q.start)
        if q.around is not None:  # the tagger's attribution: where its spans stand, to its sentence's end
            cited, when = _cited(text, *q.around, lang, dates)
        else:
            cited, when = _cited_near(text, q, lang, dates)
        if q.cited_from:  # the reporter named before the speaker ("lapor KCNA mengutip …")
            cited = q.cited_from
        if cited and speaker and cited.lower() == speaker.lower():
            cited = when = None  # "…, lapor kantor berita Xinhua": the agency is the speaker
        cue_at = _cue_position(text, q)
        out.append(
            (
                Quote(
                    start=q.start,
                    end=q.end,
                    kind=q.kind,
                    speaker=speaker,
                    speaker_canonical=canonical,
                    speaker_role=role,
                    cue=q.cue,
                    cited_from=cited,
                    date=when,
                    speaker_start=start,
                    speaker_end=end,
                    speaker_kind=kind,
                    cue_start=cue_at,
                    cue_end=cue_at + len(q.cue) if cue_at is not None and q.cue else None,
                ),
                path if speaker or canonical else "none",
            )
        )
    return out


def _cited_near(text: str, q: _Found, lang: _Lang, dates: list[DateMention]) -> tuple[str | None, str | None]:
    """(source, date) named near a reader's quote: after a direct one, from the speaker of an
    indirect one, within its paragraph and 300 characters; else inside an indirect one."""
    tail_end = text.find("\n", q.end)
    tail_end = len(text) if tail_end < 0 else tail_end
    sentence_end = min(tail_end, q.end + 300)
    search_from = q.end if q.kind == "direct" else (q.speaker_start or q.start)
    cited, when = _cited(
        text, min(search_from, q.start if q.kind != "direct" else search_from), sentence_end, lang, dates
    )
    if cited is None and q.kind != "direct":
        cited, when = _cited(text, q.start, q.end, lang, dates)
    return cited, when


def _subject_person(subject: str, position: int, names: _Names, speakers: _Speakers, lang: _Lang) -> str | None:
    """The person a capitalised sentence subject names, when the article knows them as one: a word
    of its name is a word of a full name written before ``position`` or of a speaker so far
    ("Gerasimov menunjukkan … Menurutnya"). A capitalised common word opening a sentence
    ("Potensi kerugian …", "Terlebih …", "Dari hasil …") or a person only talked about names no
    speaker: the pronoun keeps the speaker before."""
    name = _split_role(subject, lang)[1]
    words = _words_of(name)
    if any(names.last_before(w, position) or next(speakers.recent(w), None) for w in words):
        return _expand(name, position, names, speakers)
    return None


#: What may stand between a role and the name of its holder: "Menaker) Yassierli", "Kamil, Muslim".
_ROLE_GAP = re.compile(r"[\s,()]{1,4}")


def _named_after(text: str, phrase: str, before: int, full_names: list[str], lang: _Lang) -> str | None:
    """The person a role or office phrase named earlier in the text: the full name written right
    after its last earlier occurrence ("Kepala Kanwil DJP Jawa Tengah II Subur Saroso")."""
    low = phrase.lower()
    if not full_names or not (low.startswith(lang.roles) or _kind_of(phrase, lang) != "person"):
        return None
    found = None
    for match in re.finditer(rf"\b{re.escape(phrase)}\b", text[:before], re.IGNORECASE):
        gap = _ROLE_GAP.match(text, match.end())
        at = gap.end() if gap else match.end()
        name = next((n for n in full_names if text.startswith(n, at)), None)
        if name and name.lower() not in low:
            found = name
    return found


def _points_back(low: str, lang: _Lang) -> bool:
    """A speaker phrase a demonstrative closes ("ketum gerindra ini", "pria tersebut"): it names
    someone named before, never a new speaker."""
    words = low.split()
    return len(words) >= 2 and words[-1] in lang.anaphoric


def _many(speaker: str, kind: str, lang: _Lang) -> bool:
    """A speaker "mereka" points to, not "dia": a body, or a group of many ("Sejumlah pihak")."""
    words = speaker.lower().split()
    return kind != "person" or bool(words and words[0] in lang.plural_openers)


def _initials_of(acronym: str, text: str) -> str | None:
    """The person whose initials an all-capitals speaker is, written with it in brackets: "KDM"
    after "Kang Dedi Mulyadi (KDM)", "AHY" after "Agus Harimurti Yudhoyono (AHY)"."""
    if not acronym.isalpha() or not acronym.isupper() or len(acronym) < 2:
        return None
    pattern = rf"((?:[A-Z][\w'’-]*[ \t]+){{{len(acronym) - 1}}}[A-Z][\w'’-]*)\s*\(\s*{acronym}\s*\)"
    for match in re.finditer(pattern, text):
        if "".join(w[0] for w in match.group(1).split()) == acronym:
            return match.group(1)
    return None


def _holder_of(
    phrase: str, previous: list[tuple[str, str | None, str, int | None, int | None]], lang: _Lang
) -> str | None:
    """The person before who holds the office a bare role word names: the same role ("kata
    Menteri" after "Menteri Budi Karya"), or its short form, whose letters run in order through
    the role and name written before ("Menaker" in "Menteri Ketenagakerjaan Yassierli", "Walkot"
    in "Wali Kota Pekanbaru Agung Nugroho")."""
    tokens = phrase.split()
    if len(tokens) != 1 or not _starts_with(phrase.lower(), lang.role_set):
        return None
    short = phrase.lower()
    for canonical, role, kind, _, _ in reversed(previous):
        if kind != "person" or not role:
            continue
        written = f"{role} {canonical}".lower()
        if written.startswith(short + " ") or (short[0] == written[0] and _runs_through(short, written)):
            return canonical
    return None


def _runs_through(short: str, written: str) -> bool:
    """Whether the letters of ``short`` occur in order in ``written`` ("menaker" in "menteri
    ketenagakerjaan")."""
    letters = iter(written)
    return all(c in letters for c in short)


def _no_name(speaker: str, lang: _Lang) -> bool:
    """A phrase read as the speaker that names nobody: no capital, and it opens with a word no
    speaker opens with ("pasalnya", "melalui …")."""
    words = speaker.lower().split()
    # "para peneliti", "sejumlah warga": words that open a group's phrase name that group.
    nameless = lang.not_speaker - (lang.speaker_words - lang.connectors) - lang.pronouns
    return speaker.islower() and bool(words) and words[0] in nameless


def _cue_position(text: str, q: _Found) -> int | None:
    """Where the reporting word stands: where the tagger found it, else the nearest occurrence
    before the content, else after."""
    if not q.cue:
        return None
    if q.cue_start is not None:
        return q.cue_start
    pattern = re.compile(rf"\b{re.escape(q.cue)}", re.IGNORECASE)
    before = [m.start() for m in pattern.finditer(text, max(0, q.start - 250), q.start)]
    if before:
        return before[-1]
    after = pattern.search(text, q.end, q.end + 250)
    return after.start() if after else None
