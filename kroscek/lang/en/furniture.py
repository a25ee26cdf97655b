"""English page furniture; the same shapes as ``kroscek.lang.id.furniture``."""

LINES: tuple[tuple[str, str], ...] = (
    ("share", r"^share( this| on)?( (article|story|post|page))?( (on|via) .{1,30})?\s*:?$"),
    ("share", r"^(like|enjoy(ed)?|love) this (article|story|post)\?.{0,40}\bshare\b.{0,40}$"),
    ("share", r"^(- )?(order reprints|reprints|print|print (this )?(article|story|page))$"),
    ("comment", r"^(leave|post|add|view|show|load) (a |all |the )?(reply|comment|comments|response)\b.{0,40}$"),
    ("comment", r"^your email address will not be published\b.*"),
    ("comment", r"^required fields are marked\b.*"),
    ("comment", r"^(cancel reply|reply|(\d+ )?comments?)\s*:?$"),
    (
        "related",
        r"^(related|read more|read also|see also|also read|more from|recommended)"
        r"( (posts?|articles?|stories|news|coverage|content))?\s*[:：\-–—].*",
    ),
    # "More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports"
    ("related", r"^more\b.{0,40}:\s*https?://\S+((,|\s+and)?\s+https?://\S+)*$"),
    ("video", r"^(watch|video)\s*[:：].*"),
    ("advert", r"^(advertisement|sponsored( content)?|promoted|ad)\s*([:·|•\-–]\s*.{0,40})?$"),
    ("advert", r"^(scroll|continue reading) (to|below)\b.*"),
    ("navigation", r"^(previous|next) (post|article|story|page)\b.*"),
    ("navigation", r"^(skip to (main )?content|back to top|load more)$"),
    ("navigation", r"^click here\b.{0,80}$"),
    ("subscribe", r"^(sign up|subscribe|follow us|join us|get (our|the) newsletter)\b.*"),
    # "Follow The Times Opinion section on Facebook, Twitter and Instagram.", "Follow @Desk on Twitter to …"
    ("subscribe", r"^follow .{1,60}? on (twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)\b.*"),
    # The writer's address after the story: "Write to Jane Roe at jane.roe@example.com",
    # "Email John Doe at jdoe@example.com or follow him @jdoe", "Reach the reporters on Twitter at https://…".
    (
        "contact",
        r"^(write to|e-?mail|reach|contact) .{1,60}?\b(at|on|via) (\S+@\S+\.\w+|https?://\S+|@\w+|twitter|x)\b.{0,200}$",
    ),
    ("syndication", r"^this (article|story) (was |first )?(originally )?(published|appeared)\b.*"),
    (
        "disclaimer",
        r"^(?!.*[\"“”])(?=.*\byou\b)(?=.*\b(suicid\w*|crisis|depress\w*|self-harm)\b)"
        r"(?=.*\b(call|text|contact|helpline|hotline|lifeline)\b).{20,700}$",
    ),
    # The colleagues credited after the story: "Jane Roe contributed to this report.",
    # "John Doe contributed reporting from Hong Kong."
    ("credit", r"^[^.!?]{3,300}\bcontributed (to this (report|story|article)|reporting)\b[^.!?]{0,60}\.?$"),
    ("copyright", r"^(copyright|©)\b.*"),
    ("copyright", r"^this copy is for your personal,? non-commercial use only\b.*"),
    ("copyright", r"\ball rights reserved\b"),
    ("copyright", r"^our standards: .*trust principles\.?$"),
    ("tags", r"^(tags?|topics?|filed under|categories)\s*:.*"),
)

BLOCK_OPENERS: tuple[tuple[str, str], ...] = (
    (
        "related",
        r"^(related( posts?| articles?| stories| news| coverage)?|read more|more stories|"
        r"most read|trending|recommended( for you)?|you may also like|popular|"
        r"don['’]?t miss|must read|read next)\s*:?$",
    ),
)

INLINE: tuple[tuple[str, str], ...] = (
    # A pull quote's button, glued to the quote ("… much less stress.Click To Tweet").
    ("share", r"\s*Click (To|to) Tweet$"),
)

BYLINE_ROLES: dict[str, bool] = {
    "by": True,
    "written by": True,
    "author": True,
    "reporter": True,
    "reporting by": True,
    "additional reporting by": True,
    "writing by": True,
    "editing by": True,
    "edited by": True,
    "editor": True,
    "photo": False,
    "photos": False,
    "photography": False,
    "graphics": False,
    "source": False,
}

CAPTION_OPENERS = r"^(file( photo)?|photo|image|pictured|illustration)\s*[:.,\-–]"

CAPTION_CREDITS = r"\((photo|image|source|file photo|credit|illustration)\b[^()]*\)\s*\.?$"

#: See kroscek.lang.id.furniture.
EDITOR_ROLES = ("editor", "editing by", "edited by")

#: Lower-case words inside a person's name as bylines print it ("Vincent van Gogh", "Leonardo da Vinci").
NAME_PARTICLES = ("van", "von", "de", "da", "la", "le", "al", "el")
#: The word between the last two names of a byline ("Jane Doe and John Roe").
BYLINE_JOINS = ("and",)
