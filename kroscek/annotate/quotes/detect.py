"""The readers: direct quotes between marks, indirect speech after a cue, and the content they cover."""

from __future__ import annotations

import re

from kroscek.annotate.quotes.language import _HEAD_REACH, _MAX_SPEAKER_WORDS, _MIN_QUOTE_WORDS, _Found, _Lang
from kroscek.annotate.quotes.speaker import (
    _is_name,
    _marked,
    _np_token,
    _past_openers,
    _speaker_after,
    _speaker_before,
)
from kroscek.model import Sentence, SpanIndex, sentence_at

#: A name in apposition after a role, closed by a comma: " Ateng Hartono,".
_HOLDER = re.compile(r"\s*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})\s*,")

# Readers -----------------------------------------------------------------------------------


def _direct(text: str, par_start: int, par_end: int, sentences: list[Sentence], lang: _Lang) -> list[_Found]:
    found: list[_Found] = []
    for open_at, close_at in _marked(text[par_start:par_end], par_start):
        begin = max(open_at + 1, par_start)
        end = min(close_at, par_end)
        content = text[begin:end]
        stripped_end = begin + len(content.rstrip(" ,.")) if content.rstrip(" ,.") else end
        begin += len(content) - len(content.lstrip())
        words = len(content.split())
        after = text[close_at + 1 : par_end] if close_at < par_end else ""
        cue_match = lang.cue_after.match(after)
        quote = _Found(begin, stripped_end, "direct")
        sentence = sentence_at(sentences, max(open_at, par_start))
        limit = max(sentence.end if sentence else par_end, min(par_end, close_at + 200))
        first = lang.after_first.match(after) if lang.after_first is not None and not cue_match else None
        if first and all(_np_token(t, lang) for t in first.group("speaker").split()):
            quote.cue = first.group("cue")
            quote.speaker, quote.speaker_start = first.group("speaker"), close_at + 1 + first.start("speaker")
        elif cue_match:
            quote.cue = cue_match.group("cue")
            if cue_match.group("nya"):
                quote.speaker, quote.pronoun = "nya", True
            else:
                read = _speaker_after(text, close_at + 1 + cue_match.end(), limit, lang)
                if read:
                    quote.speaker, quote.speaker_start = read
                    _quoting(text, quote, limit, lang)
        else:
            head_start = sentence.start if sentence else par_start
            # The verb nearest the quote, looked for in the stretch before it only: a sentence
            # of a thousand quotes must not be read again for each of them.
            near = max(head_start, open_at - _HEAD_REACH)
            cues = list(lang.cue_before.finditer(text, near, open_at))
            cue = cues[-1] if cues else None
            # A short marked phrase is a quote only right after its verb: 'mengatakan pihaknya "…"';
            # "mengakui dirinya terkejut dengan "bungkamnya"" is a scare quote.
            gap = len(text[cue.end() : open_at].split()) if cue else 99
            if cue and (words >= _MIN_QUOTE_WORDS or gap <= 1):
                quote.cue = cue.group("cue")
                read = _speaker_before(text, head_start, cue.start(), lang)
                if read:
                    quote.speaker, quote.speaker_start = read
        if words < _MIN_QUOTE_WORDS and quote.cue is None:
            continue  # a scare quote or a title
        if lang.cue_after.match(content) and content.lstrip(" ,.")[:1].islower():
            # '" kata Abbas di Kairo.': the quote itself was in an earlier sentence; a quote that
            # opens with such a word capitalised is speech ('"Tanya saja ke BI," …').
            continue
        if quote.cue is None and _is_title(content):
            continue  # "Sinkronisasi Kebijakan Bank Indonesia dan OJK": a title, not speech
        found.append(quote)
    return found


def _is_title(content: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", content)]
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(words) and capitalised / len(words) >= 0.6


def _quoting(text: str, quote: _Found, limit: int, lang: _Lang) -> None:
    """'lapor KCNA mengutip ucapan Kim Jong Un': KCNA is the source, Kim the speaker."""
    if quote.speaker is None or quote.speaker_start is None:
        return
    after = quote.speaker_start + len(quote.speaker)
    match = lang.quoting.match(text, after, limit)
    if not match:
        return
    read = _speaker_after(text, match.end(), limit, lang)
    if read:
        quote.cited_from = quote.speaker
        quote.speaker, quote.speaker_start = read


def _indirect(text: str, sentence: Sentence, lang: _Lang, covered: list[tuple[int, int]]) -> _Found | None:
    body = text[sentence.start : sentence.end]
    if any(a < sentence.end and sentence.start < b for a, b in covered):
        return None
    if body.split() and body.split()[0].lower() in lang.first_person:
        return None  # first-person speech: the speaker is the one quoted before (see _unmarked)
    front = _passive_front(text, sentence, lang)
    if front:
        return front
    # "Menurutnya, …" / "Menurut X, …"
    own = lang.according_own.search(body)
    if own and own.start() <= 80:
        start = sentence.start + own.end()
        return _content(text, start, sentence.end, "indirect", "nya", sentence.start + own.start(), own.group("cue"))
    according = lang.according.search(body)
    if according and according.start() <= 80:
        after_start = sentence.start + according.end()
        comma = text.find(",", after_start, sentence.end)
        before_comma = text[after_start:comma].split() if comma > 0 else []
        if before_comma and len(before_comma) <= _MAX_SPEAKER_WORDS and all(_np_token(t, lang) for t in before_comma):
            speaker = text[after_start:comma].strip()
            content_start = comma + 1
            # "Menurut Deputi Bidang Statistik Sosial BPS, Ateng Hartono, Bank Dunia …": the role's
            # holder follows it in apposition.
            holder = _HOLDER.match(text, comma + 1, sentence.end)
            if holder and len(before_comma) > 1 and _is_name(holder["name"], lang):
                speaker = text[after_start : holder.end("name")]
                content_start = holder.end()
        else:
            # "Menurut Korea Utara pengiriman …": the capitalised run is the speaker.
            run = re.match(r"(?:[A-Z][\w'’.-]*(?:\s+|$))+", text[after_start : sentence.end])
            first = text[after_start : sentence.end].split()[0] if text[after_start : sentence.end].split() else ""
            if run:
                speaker = run.group().strip()
            elif first.lower() in lang.pronouns:  # "menurut dia diperkirakan …"
                speaker = first
            else:
                return None
            content_start = after_start + len(speaker)
        return _content(text, content_start, sentence.end, "indirect", speaker, after_start, according.group("cue"))
    # "…, kata seorang pejabat."
    tail = lang.cue_tail.search(body)
    if tail and tail.group("cue").lower() == "demikian":
        # "…, demikian pernyataan X": X published it; the speaker is in the sentence itself.
        source = _speaker_after(text, sentence.start + tail.start("rest"), sentence.end, lang)
        shortened = Sentence(sentence.start, sentence.start + tail.start())
        found = _indirect(text, shortened, lang, covered)
        if found and source:
            found.cited_from = source[0]
            return found
    if tail and tail.start() > 20 and tail.group("cue").lower() != "demikian":
        quote = _Found(sentence.start, sentence.start + tail.start(), "indirect", cue=tail.group("cue"))
        if tail.group("nya"):
            quote.speaker, quote.pronoun = "nya", True
        else:
            read = _speaker_after(text, sentence.start + tail.start("rest"), sentence.end, lang)
            if read:
                quote.speaker, quote.speaker_start = read
        return quote if quote.speaker else None
    # English: "…, the official said." — the speaker before the verb.
    if lang.tail_first is not None:
        closing = lang.tail_first.search(body)
        if closing and closing.start() > 20 and all(_np_token(t, lang) for t in closing.group("speaker").split()):
            at = sentence.start + closing.start("speaker")
            return _Found(
                sentence.start,
                sentence.start + closing.start(),
                "indirect",
                closing.group("speaker"),
                at,
                closing.group("cue"),
            )
    # "Angel, kata Hajrul, sudah cukup paham …": the attribution set inside the sentence.
    inside = lang.cue_inside.search(body)
    if inside and inside.start() > 0:
        passive = lang.passive is not None and lang.passive.fullmatch(inside.group("cue") + " ") is not None
        at = sentence.start + inside.end()
        read = _agent(text, at, sentence.end, lang) if passive else _speaker_after(text, at, sentence.end, lang)
        if read and text.find(",", read[1] + len(read[0]), sentence.end) > 0:
            stripped = body.rstrip(" .")
            return _Found(
                sentence.start, sentence.start + len(stripped), "indirect", read[0], read[1], inside.group("cue")
            )
    # "X mengatakan (bahwa) …"
    for cue in lang.cue_before.finditer(body):
        read = _speaker_before(text, sentence.start, sentence.start + cue.start(), lang)
        if not read:
            continue
        content_start = sentence.start + cue.end()
        that = lang.that.match(text, content_start, sentence.end)
        if that:
            content_start = that.end()
        elif cue.group("cue").lower() in lang.clause_cues:
            continue  # "Ridwan Kamil melaporkan Lisa Mariana ke polisi": no speech
        else:
            # "Lin Jian mengatakan pada konferensi pers di Beijing bahwa …": content after "bahwa".
            bahwa = lang.that_later.search(text[content_start : sentence.end])
            if bahwa and bahwa.start() < 60:
                content_start += bahwa.end()
        if sentence.end - content_start < 15:
            return None
        return _content(text, content_start, sentence.end, "indirect", read[0], read[1], cue.group("cue"))
    return None


def _content(text: str, start: int, end: int, kind: str, speaker: str, speaker_start: int, cue: str) -> _Found:
    content = text[start:end]
    start += len(content) - len(content.lstrip(" ,:"))
    stripped = text[start:end].rstrip(" .")
    if speaker == "nya":
        return _Found(start, start + len(stripped), kind, speaker, None, cue, pronoun=True)
    return _Found(start, start + len(stripped), kind, speaker, speaker_start, cue)


def _passive_front(text: str, sentence: Sentence, lang: _Lang) -> _Found | None:
    """ "Dijelaskan Veronica, penyitaan dilakukan …": a passive reporting verb opens the sentence,
    its speaker and a comma follow, then what was said."""
    if lang.passive is None:
        return None
    at = sentence.start + len(text[sentence.start : sentence.end]) - len(text[sentence.start : sentence.end].lstrip())
    verb = lang.passive.match(text, at, sentence.end)
    if not verb or not text[at].isupper():
        return None
    read = _agent(text, verb.end(), sentence.end, lang)
    if not read:
        return None
    after = read[1] + len(read[0])
    comma = text.find(",", after, sentence.end)
    if comma < 0 or text[after:comma].strip() or sentence.end - comma < 15:
        return None
    return _content(text, comma + 1, sentence.end, "indirect", read[0], read[1], verb.group("cue"))


def _said_before(text: str, sentences: list[Sentence], found: list[_Found], lang: _Lang) -> list[_Found]:
    """ "… Hal itu dikatakan Direktur Jenderal …, Suminto.": a sentence that points back with a
    passive reporting verb gives the speaker of the sentences before it, those of its paragraph,
    or, when it opens its paragraph, those of the paragraph before (never one already quoted)."""
    if lang.referring is None or lang.passive is None:
        return []
    taken = SpanIndex([(q.start, q.end) for q in found])
    out: list[_Found] = []
    for i, sentence in enumerate(sentences):
        said_by = _referring_agent(text, sentence, lang)
        said = _sentences_before(text, sentences, i, taken) if said_by else None
        if said_by and said:
            start, end = said
            end = start + len(text[start:end].rstrip(" ."))
            out.append(_Found(start, end, "indirect", *said_by))
    return out


def _named_agent(text: str, sentence: Sentence, lang: _Lang) -> tuple[str, int, str] | None:
    """(speaker, offset, verb) of a passive reporting verb whose agent "oleh" names, anywhere in the
    sentence ("Pengumuman tersangka itu dikonfirmasi oleh Kasubdit …, Kombes Rizki Agung
    Prakoso"), or of a passive verb of answering, "oleh" or not."""
    if lang.passive is not None:
        for verb in lang.passive.finditer(text, sentence.start, sentence.end):
            read = _agent(text, verb.end(), sentence.end, lang) if verb.group("by") else None
            if read:
                return read[0], read[1], verb.group("cue")
    # "… direspons keras oleh Gubernur … Dedi Mulyadi", "… disambut Duta Besar …, Zahid …".
    answer = lang.answered.search(text, sentence.start, sentence.end) if lang.answered else None
    read = _agent(text, answer.end(), sentence.end, lang) if answer else None
    return (read[0], read[1], answer.group("cue")) if read and answer else None


def _referring_agent(text: str, sentence: Sentence, lang: _Lang) -> tuple[str, int, str] | None:
    """(speaker, its offset, the verb) of a sentence that points back with a passive reporting
    verb: "Hal itu dikatakan X.", "Hal ini diungkapkan oleh X."."""
    if lang.referring is None or lang.passive is None:
        return None
    body = text[sentence.start : sentence.end]
    # "Hal itu" is itself an opener: read before the openers, then after ("Dikutip dari X, hal itu …").
    refer = lang.referring.match(body, len(body) - len(body.lstrip())) or lang.referring.match(
        body, _past_openers(body, 0, lang)
    )
    verb = lang.passive.match(body, refer.end()) if refer else None
    read = _agent(text, sentence.start + verb.end(), sentence.end, lang) if verb else None
    return (read[0], read[1], verb.group("cue")) if read and verb else None


def _sentences_before(text: str, sentences: list[Sentence], at: int, taken: SpanIndex) -> tuple[int, int] | None:
    """The span of the sentences right before sentence ``at`` in its paragraph, or in the paragraph
    before when it opens its own; it stops at a sentence already quoted."""
    opens = at == 0 or "\n" in text[sentences[at - 1].end : sentences[at].start]
    first = at
    for j in range(at - 1, -1, -1):
        crossing = "\n" in text[sentences[j].end : sentences[j + 1].start]
        if (crossing and not (opens and j == at - 1)) or taken.overlaps(sentences[j].start, sentences[j].end):
            break
        first = j
    if first == at:
        return None
    return sentences[first].start, sentences[at - 1].end


def _agent(text: str, start: int, end: int, lang: _Lang) -> tuple[str, int] | None:
    """The speaker after a passive verb: a name or a pronoun ("disebutkan Afifuddin", "Dikatakan
    dia"); "disebut berperan sebagai …", "diungkap saat kunjungannya …" name no one."""
    words = text[start:end].split()
    if not words or not (words[0][0].isupper() or words[0].lower().strip(",") in lang.pronouns):
        return None
    return _speaker_after(text, start, end, lang)
