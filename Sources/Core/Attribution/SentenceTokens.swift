/// One token of a sentence as the attribution rules see it: a word, a punctuation mark, or
/// a whole quotation (its words are hidden from the rules: names inside a quotation never
/// become its speaker).
struct Token {
    enum Kind { case word, punct, quote }
    var kind: Kind
    var range: TextRange
    /// Lowercased text (words and punctuation); for a quotation, empty.
    var lower: String
    var isCapitalized: Bool
    /// For `.quote`: index into the attributor's list of marked quotations.
    var quote: Int
    /// The word lists `lower` and `bare` belong to.
    var cls: WordClass = []
    var bareCls: WordClass = []

    /// Bytes of the possessive ending ("’s" 4, "'s" 2, "’" 3, "'" 1), 0 for none.
    var possessiveBytes: UInt8 = 0
    var isPossessive: Bool { possessiveBytes > 0 }

    /// Lowercased text without a possessive ending (Russia’s → russia), made when asked.
    var bare: String {
        possessiveBytes == 0 ? lower : String(decoding: lower.utf8.dropLast(Int(possessiveBytes)), as: UTF8.self)
    }

    var isWord: Bool { kind == .word }
    func isPunct(_ s: String) -> Bool { kind == .punct && lower == s }
}

/// Splits a sentence into tokens, folding each top-level quotation into one token.
struct SentenceTokenizer {
    let pack: LanguagePack
    /// The article's spellings, lowercased and classed once each.
    private var words = WordTable()

    init(pack: LanguagePack) { self.pack = pack }

    /// One-character strings of ASCII punctuation, made once.
    private static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// `quotes`: top-level marked quotations as (outer range, index), sorted by start.
    mutating func tokens(_ source: Source, sentence: TextRange, quotes: [(TextRange, Int)], firstQuote: inout Int) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity((sentence.end - sentence.start) / 4 + 4)
        var i = sentence.start
        var q = firstQuote
        while q < quotes.count && quotes[q].0.end <= sentence.start { q += 1 }
        firstQuote = q
        var k = q
        while i < sentence.end {
            // A quotation covering this point becomes one token. Top-level quotations do not
            // overlap and come in order, so one pointer walks them with the text.
            while k < quotes.count && quotes[k].0.end <= i { k += 1 }
            var covering: (TextRange, Int)?
            if k < quotes.count && quotes[k].0.start <= i { covering = quotes[k] }
            if let (outer, index) = covering {
                let end = min(outer.end, sentence.end)
                out.append(Token(kind: .quote, range: TextRange(max(outer.start, sentence.start), end), lower: "",
                                 isCapitalized: false, quote: index))
                i = end
                continue
            }
            let (s, n) = source.scalar(at: i)
            if s.isSpaceLike || s.value == 0xA0 || s.isInvisibleFormat { i += n; continue }
            if s.isWordLike {
                let start = i
                var j = i
                while j < sentence.end {
                    let (c, m) = source.scalar(at: j)
                    if c.isWordLike || (c.value >= 0x300 && (c.properties.isDiacritic || c.properties.generalCategory == .nonspacingMark)) { j += m; continue }
                    // A bidi control or joiner inside a word keeps it whole ("Anna\u{2067}Berg").
                    if c.isInvisibleFormat, j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                    // Inner apostrophes, hyphens and periods keep a word whole (Russia’s, co-host, U.S.).
                    if c == "'" || c == "\u{2019}" || c == "-" || c == "." || c == "\u{2010}" || c == "\u{2011}" {
                        if j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                        if c == "." && isAbbreviation(source, start, j) { j += m }
                        // s’ possessive (the Passengers’ Alliance)
                        else if (c == "'" || c == "\u{2019}"), j > start, source[j - 1] == 0x73 || source[j - 1] == 0x53,
                                j + m < sentence.end, source.scalar(at: j + m).0.isSpaceLike { j += m }
                        break
                    }
                    break
                }
                let e = word(source, start, j)
                let lower = words[e].lower, cls = words[e].cls
                // Possessive endings: ’s 's ’ ' (bytes E2 80 99 for ’).
                var bareEnd = j
                if j - start >= 3, source[j - 3] == 0xE2, source[j - 2] == 0x80, source[j - 1] == 0x99 { bareEnd = j - 3 }
                else if j - start >= 4, source[j - 1] | 0x20 == 0x73, source[j - 4] == 0xE2, source[j - 3] == 0x80, source[j - 2] == 0x99 { bareEnd = j - 4 }
                else if j - start >= 2, source[j - 1] == 0x27 { bareEnd = j - 1 }
                else if j - start >= 3, source[j - 1] | 0x20 == 0x73, source[j - 2] == 0x27 { bareEnd = j - 2 }
                let possessive = bareEnd < j && bareEnd > start
                var bareCls = cls
                if possessive { bareCls = words[word(source, start, bareEnd)].cls }
                out.append(Token(kind: .word, range: TextRange(start, j), lower: lower,
                                 isCapitalized: s.isUppercaseLike, quote: -1,
                                 cls: cls, bareCls: bareCls, possessiveBytes: possessive ? UInt8(j - bareEnd) : 0))
                i = j
                continue
            }
            out.append(Token(kind: .punct, range: TextRange(i, i + n), lower: s.value < 0x80 ? Self.asciiStrings[Int(s.value)] : String(Character(s)),
                             isCapitalized: false, quote: -1))
            i += n
        }
        return out
    }

    /// The word table's entry for the bytes `start..<end`.
    @inline(__always) private mutating func word(_ source: Source, _ start: Int, _ end: Int) -> Int {
        let pack = self.pack
        return words.index(source, start, end) { s, a, b in
            let l = Self.lowercased(s, a, b)
            return (l, pack.classes(l))
        }
    }

    /// Lowercased text of a byte range; ASCII is folded byte by byte (no Unicode tables).
    static func lowercased(_ source: Source, _ start: Int, _ end: Int) -> String {
        var ascii = true
        for k in start..<end where source[k] >= 0x80 { ascii = false; break }
        if !ascii { return source.string(TextRange(start, end)).lowercased() }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end {
                let b = source[k]
                buffer[k - start] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            }
            return end - start
        }
    }

    /// Whether the word `start..<end`, followed by a period, is an abbreviation (asked once per spelling).
    private mutating func isAbbreviation(_ source: Source, _ start: Int, _ end: Int) -> Bool {
        let e = word(source, start, end)
        if words[e].abbreviation == 0 {
            // One capital letter (an initial), a word with periods inside (U.S), a known abbreviation.
            let (first, n) = source.scalar(at: start)
            let initial = start + n == end && first.isUppercaseLike
            let dotted = words[e].lower.utf8.contains(0x2E)
            words[e].abbreviation = initial || dotted || words[e].cls.contains(.abbreviation) ? 2 : 1
        }
        return words[e].abbreviation == 2
    }
}
