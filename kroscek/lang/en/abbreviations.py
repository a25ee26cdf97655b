"""English abbreviations written with a final period, after which a sentence does not end."""

ABBREVIATIONS = frozenset(
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt",
        "Sgt", "Cpl", "Adm", "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Inc", "Corp", "Ltd",
        "Co", "vs", "etc", "e.g", "i.e", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m", "No", "Nos",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mt", "Ft", "Ave", "Blvd", "Rd", "approx", "est", "Vol", "pp", "cf", "al",
    }
)
