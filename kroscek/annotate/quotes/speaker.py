"""Quote marks and speaker phrases: what is quoted, who is named before or after the cue, their role and kind."""

from __future__ import annotations

import re
from functools import cache

from kroscek.annotate.quotes.language import _HEAD_REACH, _MAX_SPEAKER_WORDS, _NAME_TOKEN, _PAIRS, _Lang
from kroscek.annotate.sentences import _abbreviations
from kroscek.lang.xx import agencies, capitals, outlets

# Quote marks -------------------------------------------------------------------------------


def _marked(paragraph: str, offset: int) -> list[tuple[int, int]]:
    """Return (open, close) offsets of quotations in one paragraph; close may be the end."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        if opening == closing:
            marks = [m.start() for m in re.finditer(re.escape(opening), paragraph)]
            lead = len(paragraph) - len(paragraph.lstrip())
            pairs = []
            if len(marks) % 2 and marks and marks[0] > lead:
                # Text then a lone mark: the end of a quote opened in an earlier paragraph.
                pairs.append((-1, marks[0]))
                marks = marks[1:]
            pairs += list(zip(marks[0::2], marks[1::2], strict=False))
            if len(marks) % 2 and marks and marks[-1] == lead:
                pairs.append((marks[-1], len(paragraph)))  # opens the paragraph, never closed
        else:
            pairs = []
            at = paragraph.find(opening)
            while at >= 0:
                close = paragraph.find(closing, at + 1)
                if opening == "‘" and close >= 0 and paragraph[close + 1 : close + 2].isalpha():
                    close = paragraph.find(closing, close + 1)  # an apostrophe inside the quote
                if close < 0:
                    if not paragraph[:at].strip():  # opens the paragraph: runs to its end
                        pairs.append((at, len(paragraph)))
                    break
                pairs.append((at, close))
                at = paragraph.find(opening, close + 1)
        spans.extend((offset + a if a >= 0 else offset - 1, offset + b) for a, b in pairs)
    # A closing mark with no opening one, after text: the quote began in an earlier paragraph.
    first_close = min((paragraph.find(c) for _, c in _PAIRS[:1] if paragraph.find(c) >= 0), default=-1)
    if first_close > 0 and "“" not in paragraph[:first_close]:
        spans.append((offset - 1, offset + first_close))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


# Speakers ------------------------------------------------------------------------------------


_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
_WORDLIKE = re.compile(r"[^\W_]")


def _speaker_after(text: str, start: int, limit: int, lang: _Lang) -> tuple[str, int] | None:
    """Read the speaker phrase that starts at ``start`` ("juru bicara …, Lin Jian, seperti …")."""
    words: list[re.Match[str]] = []
    cut: re.Match[str] | None = None
    for match in _WORD.finditer(text, start, limit):
        token = match.group()
        low = token.lower()
        if token in '.;:!?()"“”' or "\n" in text[words[-1].end() if words else start : match.start()]:
            break
        if words and token[0] == "." and len(token) > 1:
            break  # "kata Bambang .Ini …": a period glued to the next sentence's first word
        if token == ",":
            nxt = _WORD.search(text, match.end(), limit)
            # A comma continues an apposition only into a name: ", Lin Jian," not ", seperti …".
            after = nxt.group().lower().rstrip(".") if nxt else ""
            if not nxt or not _NAME_TOKEN.match(nxt.group()) or not words or after in lang.weekdays | lang.stops:
                break
            words.append(match)
            continue
        if words and (low in lang.stops or (token[0].islower() and lang.verbish.match(low))):
            cut = match if low not in lang.stops else None
            holder = lang.relative.match(text, match.start(), limit) if lang.relative else None
            if holder and _is_name(holder["name"], lang):
                # "kata warga asal Ungaran yang melintas, Dhiko (32), …": the one it describes.
                return text[words[0].start() : holder.end("name")], words[0].start()
            break  # "kata Presiden Paul Kagame memperingatkan …"
        words.append(match)
        bare = token.rstrip(".")
        if token.endswith(".") and len(bare) > 1 and bare not in _abbreviations(None) and "." not in bare:
            break  # "kata Budi. Pasalnya, …": the sentence ends with the name
        if len(words) > _MAX_SPEAKER_WORDS:
            return None
    # "ujar pria berkacamata itu": a demonstrative a few words on closes the phrase, describing
    # words and all; it points back to someone named before.
    described = lang.described.match(text, cut.start(), limit) if cut and lang.described else None
    if cut and described:
        words.extend(_WORD.finditer(text, cut.start(), described.end()))
    while words and words[-1].group() == ",":
        words.pop()
    if any(w.group() == "," for w in words) and not _closed(text, words[-1].end(), limit, lang):
        # "…, sebut Purbaya, KDM bisa memeriksanya …": the name after the comma opens the
        # sentence's own clause; an apposition closes ("…, Lin Jian, seperti …").
        while words and words[-1].group() != ",":
            words.pop()
        words.pop()
    # "jawab Purbaya singkat": a lower-case word after a name says how it was said; it is no part
    # of the speaker unless a speaker phrase holds such words ("Kepala Desa setempat", "pria itu").
    keep = lang.speaker_words | lang.anaphoric
    while (
        len(words) > 1
        and words[-1].group()[0].islower()
        and words[-1].group().lower().rstrip(".") not in keep
        and words[-2].group()[0].isupper()
    ):
        words.pop()
    if not words:
        return None
    phrase_start = words[0].start()
    phrase = text[phrase_start : words[-1].end()].rstrip(".")
    # "pernyataan Komisi Militer Pusat …": the author of the statement is the speaker.
    statement = lang.statement.match(phrase)
    if statement and statement.end() < len(phrase):
        phrase_start += statement.end()
        phrase = phrase[statement.end() :]
    return phrase, phrase_start


def _closed(text: str, end: int, limit: int, lang: _Lang) -> bool:
    """Whether a speaker phrase ending at ``end`` is closed there: by punctuation, the end, a
    stop word ("saat", "kepada", a day) or a name, not by a clause going on ("bisa memeriksa",
    "juga akan")."""
    nxt = _WORD.search(text, end, limit)
    if not nxt:
        return True
    token, low = nxt.group(), nxt.group().lower().rstrip(".")
    # An adverb of the clause ("DLH juga akan …") goes on with it; other stops attach to the speech.
    return not token[0].isalnum() or token[0].isupper() or (low in lang.stops and low not in lang.between)


def _np_token(token: str, lang: _Lang) -> bool:
    """A token that can sit in a speaker's noun phrase."""
    bare = token.strip(",()-")
    if not bare or bare in ("&", "/"):
        return True  # "Pengelolaan Moneter & Aset Sekuritas", "Menteri PPN / Kepala Bappenas"
    if bare.lower() in lang.weekdays:
        return False
    if bare[0].isupper() or bare[0].isdigit():
        return True
    low = bare.lower()
    if lang.open_np is not None:
        return low not in lang.open_np and not low.endswith(("ed", "ing"))
    return low in lang.speaker_words or low in lang.pronouns


def _past_openers(text: str, begin: int, lang: _Lang) -> int:
    """Where a sentence's clause starts after its openers: "Sementara itu, …", "Pada hari Senin,
    …", "Meski begitu, …", "Sabtu (23/8) malam, …"."""
    moved = True
    while moved:
        moved = False
        for pattern in (lang.opener, lang.preposition, lang.leading_aside):
            match = pattern.match(text, begin)
            if match and match.end() > begin:
                begin, moved = match.end(), True
    return begin


def _named_subject(tokens: list[str], lang: _Lang) -> list[str]:
    """The clause from its subject on: a clause an ordinary word opens ("Sepekan lalu PSSI
    mengklaim", "Usai laga dia berujar", "Selain laporan dari Sahara, Zakki menambahkan") has its
    subject in the name or pronoun right before the verb (adverbs after it kept); a clause with
    none there keeps its first words ("Pedagang di pasar itu mengatakan")."""
    if not tokens or tokens[0].isupper() or tokens[0].lower().strip(",") not in lang.ordinary:
        return tokens
    end = len(tokens)
    while end and tokens[end - 1].lower() in lang.between:
        end -= 1
    start = end
    while start and _np_token(tokens[start - 1], lang) and not tokens[start - 1].endswith(","):
        start -= 1
        if end - start == 1 and tokens[start].lower() in lang.pronouns:
            break  # a pronoun is the whole subject: "Usai laga dia berujar"
    # What it passes over holds no verb: in "Pengakuan Korea Utara diungkapkan setelah Rusia …"
    # the name is another clause's subject.
    skipped = [t.lower().strip(",") for t in tokens[:start]]
    if not 0 < start < end or any(lang.verbish.match(t) or t in lang.negations for t in skipped):
        return tokens
    return tokens[start:]


def _group_end(tokens: list[str], np_end: int, lang: _Lang) -> int:
    """ "Sebuah studi baru mengungkap": after a group's opening word, up to three nouns and
    adjectives in lower case belong to its phrase (never a verb, a clause word or a stop)."""
    end = np_end
    while end < len(tokens) and end - np_end < 3:
        low = tokens[end].lower().strip(",")
        if not low.isalpha() or lang.verbish.match(low) or low in lang.rest_block or low in lang.stops:
            break
        if low in lang.between or low in lang.negations or low in lang.anaphoric:
            break
        end += 1
        if tokens[end - 1].endswith(","):
            break
    return end


def _speaker_before(text: str, sentence_start: int, cue_start: int, lang: _Lang) -> tuple[str, int] | None:
    """Read the subject before a reporting verb: a noun phrase, then at most a few adverbs."""
    if cue_start - sentence_start > _HEAD_REACH:
        return None  # openers, a noun phrase of at most 20 words and 5 more never run this long
    head = text[sentence_start:cue_start]
    begin = _past_openers(head, 0, lang)
    clause = head[begin:]
    # An aside between commas before the verb: "Beijing, dalam tanggapannya, mengatakan".
    clause = re.sub(r",\s*[a-z][^,]*,\s*$", " ", clause)
    holder = _holder_at_end(clause, lang)
    if holder:
        return holder, text.find(holder, sentence_start + begin)
    tokens = _named_subject(clause.split(), lang)
    np_end = 0
    while np_end < len(tokens) and _np_token(tokens[np_end], lang):
        np_end += 1
    if np_end and tokens[0].lower() in lang.group_openers:
        np_end = _group_end(tokens, np_end, lang)
    rest = [t.lower().strip(",") for t in tokens[np_end:]]
    # "Ibu tiga anak itu juga mengaku …": a phrase a demonstrative closes points back to someone
    # named before; it is read whole, its describing words too.
    back = next((i for i, t in enumerate(rest) if t in lang.anaphoric), None)
    if np_end and back is not None and not any(t in lang.negations or t in lang.rest_block for t in rest[:back]):
        np_end += back + 1
        rest = rest[back + 1 :]
    if (
        np_end == 0
        or len(rest) > 5
        or any(lang.verbish.match(t) or t in lang.negations or t in lang.rest_block for t in rest)
    ):
        return None
    if any(t in lang.negations for t in (w.lower() for w in tokens[:np_end])):
        return None
    while np_end and tokens[np_end - 1].lower().strip(",") in lang.connectors:
        np_end -= 1  # a trailing "dan", "untuk" belongs to no name
    phrase = " ".join(tokens[:np_end]).strip(" ,")
    if not phrase or len(re.findall(r"\w+", phrase)) > _MAX_SPEAKER_WORDS + 6:
        return None
    first = phrase.split()[0]
    if first.lower() in lang.subordinators:
        return None
    if not (
        first[0].isupper()
        or first.lower() in lang.pronouns
        or _starts_with(phrase.lower(), lang.role_set)
        or _starts_with(phrase.lower(), lang.organisations)
    ):
        return None
    at = text.find(phrase, sentence_start + begin)
    return phrase, at


def _starts_with(low: str, known: frozenset[str]) -> bool:
    """Whether ``low`` is one of the phrases ``known`` or begins with one followed by a space."""
    if low in known:
        return True
    at = low.find(" ")
    while at != -1:
        if low[:at] in known:
            return True
        at = low.find(" ", at + 1)
    return False


def _split_role(phrase: str, lang: _Lang) -> tuple[str | None, str]:
    """Return (role, name) for a speaker phrase: "juru bicara …, Lin Jian" -> (role, "Lin Jian")."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    # "Subur Saroso, Kepala Seksi …, Kanwil DJP …": a name, then its role in apposition.
    if (
        len(parts) > 1
        and _is_name(parts[0], lang)
        and _starts_with(_undetermined(parts[1].lower(), lang), lang.role_set)
    ):
        return ", ".join(parts[1:]), parts[0]
    # "juru bicara …, Lin Jian": an apposition when the last part reads as a name.
    if len(parts) > 1 and all(w[0].isupper() or len(w) == 1 for w in parts[-1].split()):
        role, name = _strip_title(", ".join(parts[:-1]), parts[-1], lang)
        return role, name
    phrase = " ".join(phrase.replace(",", " ").split())
    tokens = phrase.split()
    if (
        len(tokens) == 2
        and _starts_with(tokens[0].lower().rstrip("."), lang.role_set)
        and _NAME_TOKEN.match(tokens[1])
        and not _starts_with(tokens[1].lower(), lang.organisations)
        and not tokens[1].isupper()
    ):
        return tokens[0], tokens[1]  # "Presiden Yudhoyono"
    if len(tokens) >= 3 and _starts_with(phrase.lower(), lang.role_set):
        run: list[str] = []
        for token in reversed(tokens):
            initial = len(token.rstrip(".")) == 1  # "Yasonna H Laoly"
            if not _NAME_TOKEN.match(token) or (token.isupper() and not initial) or token in capitals.COUNTRIES:
                break
            if _starts_with(token.lower(), lang.role_set) or _starts_with(token.lower(), lang.organisations):
                break
            run.insert(0, token)
            if len([t for t in run if len(t.rstrip(".")) > 1]) == 2 and not initial:
                break  # most names are two words; a third is more often an org's last word
        before_run = tokens[len(tokens) - len(run) - 1] if run and len(run) < len(tokens) else ""
        if before_run and before_run[0].islower() and not _starts_with(before_run.lower(), lang.role_set):
            return None, phrase  # "Menteri Kelautan dan Perikanan": a role, no name
        if run and len(run) < len(tokens):
            # "Presiden Korea Selatan Yoon Suk-yul": a country's last word is not a name.
            while len(run) > 1 and " ".join(tokens[len(tokens) - len(run) - 1 : len(tokens) - len(run) + 1]) in (
                capitals.COUNTRIES
            ):
                run.pop(0)
            role = " ".join(tokens[: len(tokens) - len(run)])
            return role, " ".join(run)
    return _qualified_role(tokens, lang) or (None, phrase)


def _qualified_role(tokens: list[str], lang: _Lang) -> tuple[str, str] | None:
    """A role with its qualifiers before it, then the name: "West Java governor Dedi Mulyadi",
    "Indonesian Foreign Minister Retno Marsudi" -> (role, name). The words before the role are
    capitalised qualifiers (a place, a nationality) or the language's speaker words ("former")."""
    roles = [k for k in range(1, len(tokens) - 1) if _starts_with(tokens[k].lower().rstrip("."), lang.role_set)]
    if not roles:
        return None
    k = roles[-1]
    run = tokens[k + 1 :]
    qualifiers = tokens[:k]
    # a full name (one word after a role is as often a place: "para pejabat Rusia")
    if not 2 <= len(run) <= 3 or not all(_NAME_TOKEN.match(t) and not t.isupper() for t in run):
        return None
    if any(t in capitals.COUNTRIES for t in run):
        return None
    if any(_starts_with(t.lower(), lang.organisations) for t in run):
        return None
    if not all(t[0].isupper() or t.lower() in lang.speaker_words for t in qualifiers):
        return None
    return " ".join(tokens[: k + 1]), " ".join(run)


def _undetermined(low: str, lang: _Lang) -> str:
    """A lower-cased phrase without the determiner it opens with ("a spokeswoman" -> "spokeswoman")."""
    first, _, rest = low.partition(" ")
    return rest if rest and first in lang.determiners else low


def _is_name(part: str, lang: _Lang) -> bool:
    """A person's name as written: one to four capitalised words, none a role, an organisation's
    head word or an acronym ("Subur Saroso", "Muslim Jaya Butar Butar"; not "Kanwil DJP")."""
    tokens = part.split()
    return (
        0 < len(tokens) <= 4
        and all(_NAME_TOKEN.match(t) and not (t.isupper() and len(t.rstrip(".")) > 1) for t in tokens)
        and not _starts_with(part.lower(), lang.role_set)
        and not _starts_with(part.lower(), lang.organisations)
        and tokens[0].lower() not in lang.weekdays
    )


#: A name closing a clause in apposition, its comma after it optional: "…, Rivai Kusumanegara,".
_HOLDER_AT_END = re.compile(r",\s*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})\s*,?\s*$")


def _holder_at_end(clause: str, lang: _Lang) -> str | None:
    """ "Pengacara Jokowi lainnya, Rivai Kusumanegara,": a noun phrase, then the name of the one it
    describes in apposition; the phrase read whole, up to the name."""
    match = _HOLDER_AT_END.search(clause)
    if not match or not _is_name(match["name"], lang):
        return None
    before = clause[: match.start()].split()
    if not before or not (before[0][0].isupper() or _starts_with(clause.lower(), lang.role_set)):
        return None
    if before[0].lower() in lang.ordinary:
        return None  # "Selain pihak Inhutani V, Fitroh": a clause, not the name's description
    low = [t.lower().strip(",") for t in before]
    if any(lang.verbish.match(t) or t in lang.negations or t in lang.rest_block for t in low):
        return None
    return clause[: match.end("name")].strip()


def _strip_title(role: str | None, name: str, lang: _Lang) -> tuple[str | None, str]:
    tokens = name.split()
    titles = []
    while len(tokens) > 1 and _starts_with(tokens[0].lower().rstrip("."), lang.role_set):
        titles.append(tokens.pop(0))
    if titles:
        role = " ".join(filter(None, [role, " ".join(titles)]))
    return role, " ".join(tokens)


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co|tv)", re.IGNORECASE)


@cache
def _outlet_names() -> frozenset[str]:
    """Outlets by name and by their domain's first label ("Liputan6", "Kompas"): never a person."""
    domains = [*outlets.NAMES.values(), *(domain for _, domain in outlets.SIGNATURES)]
    return frozenset({n.lower() for n in outlets.NAMES} | {d.split(".")[0].lower() for d in domains})


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(n.lower() for k, v in agencies.AGENCIES.items() for n in (k, *v))


def _kind_of(name: str, lang: _Lang) -> str:
    parts = lang.list_split.split(name)
    if all(p in capitals.CAPITALS or p in capitals.COUNTRIES for p in parts):
        return "government"
    if name.lower() in _agency_names() or name.lower() in _outlet_names() or _DOMAIN.fullmatch(name):
        return "media"
    low = name.lower()
    if _starts_with(low, lang.organisations) or re.fullmatch(r"[A-Z]{2,6}", name):
        return "organisation"
    return "person"
