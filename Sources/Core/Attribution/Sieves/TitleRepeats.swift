/// A name found to be a title ("the film “Winds of Change”") is a title wherever it is
/// quoted again in the article: one title repeated is never statements by several people.
struct TitleRepeats {
    /// Titles are short: longer quotations that happen to repeat are left alone.
    static let maxWords = 8

    func apply(_ source: Source, quotations: [MarkedQuotation], decisions: inout [QuoteDecision?]) {
        var titles = Set<String>()
        // Each title's length and first byte: a quotation of another shape is keyed no further.
        var shapes = Set<Int>()
        for i in decisions.indices where decisions[i]?.kind == .title {
            let key = Self.key(source, quotations[i].content)
            titles.insert(key)
            shapes.insert(Self.shape(of: key))
        }
        guard !titles.isEmpty else { return }
        for i in decisions.indices {
            guard let kind = decisions[i]?.kind, kind.isStatement, kind != .indirect else { continue }
            guard Self.wordCount(source, quotations[i].content, upTo: Self.maxWords + 1) <= Self.maxWords else { continue }
            if let shape = Self.asciiShape(source, quotations[i].content), !shapes.contains(shape) { continue }
            guard titles.contains(Self.key(source, quotations[i].content)) else { continue }
            decisions[i]?.kind = .title
            decisions[i]?.entity = nil
            decisions[i]?.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
        }
    }

    /// Runs of bytes between spaces (U+0020), counted without making a string; the count
    /// stops at `limit` (a long quotation is no title, however long it is).
    static func wordCount(_ source: Source, _ range: TextRange, upTo limit: Int = .max) -> Int {
        var n = 0
        var inWord = false
        for k in range.start..<range.end {
            if source[k] == 0x20 { inWord = false } else if !inWord {
                inWord = true
                n += 1
                if n >= limit { break }
            }
        }
        return n
    }

    /// `key` of the text at `range`. ASCII text is keyed from its bytes with the same answer:
    /// the letters lowered, ASCII punctuation (general category P) and white space trimmed.
    static func key(_ source: Source, _ range: TextRange) -> String {
        var lo = range.start, hi = range.end
        for k in lo..<hi where source[k] >= 0x80 { return key(source.string(range)) }
        while hi > lo, isASCIIPunctuation(source[hi - 1]) || isASCIIWhiteSpace(source[hi - 1]) { hi -= 1 }
        while lo < hi, isASCIIWhiteSpace(source[lo]) { lo += 1 }
        return String(unsafeUninitializedCapacity: hi - lo) { buffer in
            for k in lo..<hi {
                let b = source[k]
                buffer[k - lo] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return hi - lo
        }
    }

    /// A key's byte count and first byte, as one number.
    static func shape(of key: String) -> Int { key.utf8.count << 8 | Int(key.utf8.first ?? 0) }

    /// `shape(of: key(source, range))` worked out from the bytes, for ASCII text (nil otherwise).
    static func asciiShape(_ source: Source, _ range: TextRange) -> Int? {
        var lo = range.start, hi = range.end
        for k in lo..<hi where source[k] >= 0x80 { return nil }
        while hi > lo, isASCIIPunctuation(source[hi - 1]) || isASCIIWhiteSpace(source[hi - 1]) { hi -= 1 }
        while lo < hi, isASCIIWhiteSpace(source[lo]) { lo += 1 }
        guard hi > lo else { return 0 }
        let b = source[lo]
        return (hi - lo) << 8 | Int(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }

    /// `Character.isPunctuation` of an ASCII byte: ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }.
    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: true
        default: false
        }
    }

    /// `Character.isWhitespace` of an ASCII byte: tab, line feed, vertical tab, form feed, return, space.
    private static func isASCIIWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Lowercased, trailing punctuation and spaces dropped ("Winds of Change." = "winds of change").
    static func key(_ text: String) -> String {
        var s = Substring(text.lowercased())
        while let l = s.last, l.isPunctuation || l.isWhitespace { s.removeLast() }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        return String(s)
    }
}
