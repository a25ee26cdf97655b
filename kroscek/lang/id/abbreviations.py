"""Indonesian abbreviations written with a final period, after which a sentence does not end.

Case matters: "No." is an abbreviation, "no." is not a word we expect. Single capital letters
(initials: "B. J. Habibie") are handled by the splitter for every language. Words such as
"dll.", "dsb." and "dkk." are left out on purpose: in news they end sentences more often than
not, and a sentence break is only taken before a capital letter anyway.
"""

ABBREVIATIONS = frozenset(
    {
        # Addresses and regions
        "Jl", "Jln", "Gg", "Kab", "Kec", "Kel", "Ds", "Prov", "Kp", "Blok", "RT", "RW",
        # Titles and honorifics
        "Dr", "dr", "Drs", "Dra", "Prof", "Ir", "H", "Hj", "KH", "Ny", "Nn", "Tn", "Sdr", "Sdri",
        "Bpk", "Bp", "Yth", "yth", "St", "Hon",
        # Academic degrees (the part before the final period)
        "S.H", "S.E", "S.Sos", "S.Pd", "S.Kom", "S.T", "S.Si", "S.Ag", "S.Ked", "S.Psi", "S.IP",
        "S.Hum", "S.Kep", "M.Si", "M.Sc", "M.H", "M.M", "M.Pd", "M.Kes", "M.A", "M.T", "M.Kn",
        "M.Hum", "M.Ag", "Ph.D", "Sp.A", "Sp.PD", "Sp.OG", "Sp.B", "Lc", "MBA",
        # Military and police ranks written with a period
        "Jend", "Kol", "Letkol", "Let", "Mayj", "Brigj", "Laks", "Marsda", "Pol", "Purn", "Kapt",
        # Numbers, money and references
        "No", "Nos", "Rp", "Hal", "hlm", "Vol", "Ed", "Sbg", "a.n", "u.p", "s.d", "ttd",
        # Month abbreviations
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Agu", "Agt", "Ags", "Sep", "Sept", "Okt",
        "Nop", "Nov", "Des",
    }
)
