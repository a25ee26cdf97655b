"""Lead markers: how the first line of a story names the outlet, the place and the agency.

"SinarHarapan.id – ...", "FAKTA.COM, Jakarta - ...", "Liputan6.com, Jakarta - ...",
"TRIBUNNEWS.COM, JAKARTA - ...", "BEIJING (ANTARA) – ...", "Jakarta (ANTARA) - ...",
"WASHINGTON, Oct 29 (Reuters) - ...", "Jakarta, CNN Indonesia -- ...", "Jakarta - ...".
Each pattern is matched at the start of a line; its named groups are ``outlet``, ``place``
and ``wire``. They are tried in order and the first match wins.
"""

_DASH = r"\s*(--|[-–—])\s*"
_PLACE = r"[A-Z][A-Za-z'.]+(\s[A-Z][A-Za-z'.]+){0,2}"
_DOMAIN = r"[A-Za-z0-9][\w-]*(\s?\.\s?(?i:com|id|co|net|org|tv|news|info|asia)\b)+"

LEAD_MARKERS: tuple[str, ...] = (
    # outlet.tld [, Place] -
    rf"^(?P<outlet>{_DOMAIN})(\s*,\s*(?P<place>{_PLACE}))?{_DASH}",
    # PLACE [, date words] (AGENCY[/AGENCY]) -
    rf"^(?P<place>{_PLACE})(\s*,[^()\n]{{1,30}})?\s*\((?P<wire>[A-Z][\w.]*(\s?/\s?[A-Z][\w.]*)*)\){_DASH}",
    # Place, Outlet Name --
    rf"^(?P<place>{_PLACE}),\s*(?P<outlet>[A-Z][\w.]*(\s[A-Z][\w.]*){{0,2}}){_DASH}",
    # Place -
    rf"^(?P<place>{_PLACE})\s(--|[-–—])\s",
)
