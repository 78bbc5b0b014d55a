/// Words that end in a period without ending the sentence (Mr. Smith, Jan. 5, Sen. Warren).
/// Single capital letters (initials: J. K. Rowling) and dotted acronyms (U.S., U.N.) are
/// recognised by shape in `SentenceSplitter`, so they are not listed here.
enum Abbreviations {
    static let words: Set<String> = [
        // Titles before names.
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
        "maj", "cpl", "pvt", "cmdr", "rev", "hon", "pres", "supt", "det", "insp", "amb", "atty", "sens", "messrs", "mme", "mlle",
        "jr", "sr", "st", "mt", "ft", "fr", "sra", "sr",
        // Months and days.
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // Others common in news copy.
        "nos", "vs", "v", "etc", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "est", "approx",
        "vol", "fig", "p", "pp", "ca", "cf", "al", "op", "ed",
    ]
}
