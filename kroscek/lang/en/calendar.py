"""English month and weekday names, with common abbreviations."""

from kroscek.lang.en.dates import DAY_FIRST_ZONES, MONTH_FIRST_ZONES

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

#: Words that stand beside a date on a page's date line ("First Published: June 13, 2013 4:59 PM
#: EDT", "Posted at 3:21 PM ET, 01/5/2011", "FOR IMMEDIATE RELEASE July 13, 2009"): labels, clock
#: words, the letters of "a. m." and "5:55p", time zones (those that say a numeric order are
#: in ``dates.py``).
DATE_LINE_WORDS = frozenset(
    {
        "updated",
        "update",
        "published",
        "posted",
        "first",
        "last",
        "originally",
        "created",
        "story",
        "edited",
        "modified",
        "time",
        "release",
        "released",
        "immediate",
        "for",
        "on",
        "at",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "hrs",
        "gmt",
        "utc",
        "jst",
        *MONTH_FIRST_ZONES,
        *DAY_FIRST_ZONES,
    }
)
