"""News outlets: how to name one from a URL, and in-text signatures of the best-known ones.

An outlet is named by its registrable domain ("detik.com", "sinarharapan.id"), the form that
URLs, in-text markers ("SinarHarapan.id -", "FAKTA.COM, Jakarta -") and input metadata share.
"""

#: Second-level labels under which a country's sites register (name.co.id, name.ac.id ...).
SECOND_LEVEL = frozenset({"co", "ac", "go", "or", "web", "sch", "net", "my", "com", "org", "gov", "edu", "mil", "biz"})

#: Furniture that gives away a site when nothing else names it: (pattern, domain).
#: Only signatures that appear in the page chrome of that outlet alone belong here.
SIGNATURES: tuple[tuple[str, str], ...] = (
    (r"\[Gambas:? ?Video 20detik\]|\b20detik\b|\bdetik(?:News|Sore|Pagi|com|Finance|Sport)\b", "detik.com"),
    (r"\bKOMPAS\.com\b|\bKompas\.id\b|\bKompasTV\b", "kompas.com"),
    (r"\bLiputan6\.com\b", "liputan6.com"),
    (r"\bTRIBUNNEWS\.COM\b|\bTribunnews\.com\b", "tribunnews.com"),
    (r"\bTEMPO\.CO\b", "tempo.co"),
    (r"\bCNN Indonesia\b", "cnnindonesia.com"),
)

#: Outlet names written in words in datelines ("Jakarta, CNN Indonesia --"), to their domain.
NAMES: dict[str, str] = {
    "CNN Indonesia": "cnnindonesia.com",
    "Kompas": "kompas.com",
    "Tempo": "tempo.co",
    "Republika": "republika.co.id",
    "Kontan": "kontan.co.id",
    "Bisnis": "bisnis.com",
    "Katadata": "katadata.co.id",
    "Suara": "suara.com",
    "IDN Times": "idntimes.com",
    "Tirto": "tirto.id",
    "Okezone": "okezone.com",
    "Jawa Pos": "jawapos.com",
    "Media Indonesia": "mediaindonesia.com",
    "The Jakarta Post": "thejakartapost.com",
}
