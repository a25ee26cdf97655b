"""Photo credits that look the same in every language, closing a caption line.

"(ANTARA FOTO/Sigid Kurniawan)", "(REUTERS/Kim Hong-Ji)", "(AP Photo/Ahn Young-joon)",
"(Liputan6.com/Angga Yuniar)", "Fakta.com/Putut Pramudiko", "Foto: detikcom/Name".
A credit of agencies only, "(KCNA/Yonhap)", is a text credit (``wire``), not a photo credit:
these patterns need a photo word or a person's name after the slash.
"""

_NAME = r"[A-Z][\w'.-]*(\s+[A-Z][\w'.-]*)+"
_NAME_WORD = r"[A-Z](?:[^\W\d_]|['.-])*"
# A domain starts at a token or label start, never inside "ke-ke-ke", its runs are possessive
# and it takes at most ten labels after the first: each start reads a bounded stretch, so a
# line is read in linear time however long its tokens are (issue 10: "ke-" * 20000 took
# minutes). Any domain of the longer form still ends in a match from a later label.
_DOMAIN = r"(?<![\w-])-*+\b[A-Za-z0-9-]++(?:\.[A-Za-z]{2,}+){1,10}+"

CAPTION_CREDITS: tuple[str, ...] = (
    # AGENCY FOTO/Name, AGENCY Photo/Name
    r"\([A-Z][\w.&-]*\s+(FOTO|Foto|PHOTO|Photo|Pictures|Images)\s*/[^()]+\)\s*\.?$",
    # AGENCY/Full Name
    rf"\([A-Z][\w.&-]*\s*/\s*{_NAME}\)\s*\.?$",
    # outlet.com/Name (with or without brackets); a name has no digits, and an embedded post's
    # media link closing its text ("… pic.twitter.com/PQqbN51wBW") is no credit
    rf"\(?(?<!pic\.)(?!(?:pic\.)?twitter\.com\b){_DOMAIN}\s*/\s*{_NAME_WORD}(\s+{_NAME_WORD})*\)?\s*\.?$",
)
