/// A name found to be a title ("the film “Winds of Change”") is a title wherever it is
/// quoted again in the article: one title repeated is never statements by several people.
struct TitleRepeats {
    /// Titles are short: longer quotations that happen to repeat are left alone.
    static let maxWords = 8

    func apply(_ source: Source, quotations: [MarkedQuotation], decisions: inout [QuoteDecision?]) {
        // The kinds are read in place (a decision copied out of the array costs more than the
        // tests on it).
        let kinds: [QuotationKind?] = decisions.withUnsafeBufferPointer { d in (0..<d.count).map { d[$0]?.kind } }
        var titles = Set<String>()
        // Each title's length and first byte: a quotation of another shape is keyed no further.
        var shapes = Set<Int>()
        for i in kinds.indices where kinds[i] == .title {
            let key = Self.key(source, quotations[i].content)
            titles.insert(key)
            shapes.insert(Self.shape(of: key))
        }
        guard !titles.isEmpty else { return }
        for i in kinds.indices {
            guard let kind = kinds[i], kind.isStatement, kind != .indirect else { continue }
            guard Self.wordCount(source, quotations[i].content, upTo: Self.maxWords + 1) <= Self.maxWords else { continue }
            if let shape = Self.plainShape(source, quotations[i].content), !shapes.contains(shape) { continue }
            guard titles.contains(Self.key(source, quotations[i].content)) else { continue }
            decisions[i]?.kind = .title
            decisions[i]?.entity = nil
            decisions[i]?.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
        }
    }

    /// Runs of bytes between spaces (U+0020), counted without making a string; the count
    /// stops at `limit` (a long quotation is no title, however long it is). Eight bytes at a
    /// time: a run starts at each byte that is no space after a space (or at the start).
    static func wordCount(_ source: Source, _ range: TextRange, upTo limit: Int = .max) -> Int {
        source.wordRuns(range, upTo: limit, whiteSpace: false)
    }

    /// `key` of the text at `range`. Plain text (see `plainBounds`) is keyed from its bytes
    /// with the same answer: ASCII letters lowered, punctuation and white space trimmed.
    static func key(_ source: Source, _ range: TextRange) -> String {
        guard let (lo, hi) = plainBounds(source, range) else { return key(source.string(range)) }
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

    /// `shape(of: key(source, range))` worked out from the bytes, for plain text (nil otherwise).
    static func plainShape(_ source: Source, _ range: TextRange) -> Int? {
        guard let (lo, hi) = plainBounds(source, range) else { return nil }
        guard hi > lo else { return 0 }
        let b = source[lo]
        return (hi - lo) << 8 | Int(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }

    /// Where the key of the text at `range` starts and ends, in bytes, when the text is plain:
    /// ASCII, and outside ASCII only the scalars of `isPlainScalar` (nil otherwise). Trailing
    /// punctuation and white space are trimmed (every plain scalar outside ASCII is one or
    /// the other), then leading white space (ASCII, or the no-break space).
    static func plainBounds(_ source: Source, _ range: TextRange) -> (Int, Int)? {
        var k = range.start
        while k < range.end {
            if source[k] < 0x80 { k += 1; continue }
            let (u, n) = source.scalar(at: k)
            guard isPlainScalar(u.value), k + n <= range.end else { return nil }
            k += n
        }
        var lo = range.start, hi = range.end
        while hi > lo {
            let b = source[hi - 1]
            if b < 0x80 {
                guard isASCIIPunctuation(b) || isASCIIWhiteSpace(b) else { break }
                hi -= 1
                continue
            }
            // A plain scalar outside ASCII ends the text: trimmed whole.
            hi -= 1
            while source[hi] & 0xC0 == 0x80 { hi -= 1 }
        }
        while lo < hi {
            if isASCIIWhiteSpace(source[lo]) { lo += 1; continue }
            if source[lo] == 0xC2, lo + 1 < hi, source[lo + 1] == 0xA0 { lo += 2; continue }
            break
        }
        return (lo, hi)
    }

    /// Scalars outside ASCII that a key keeps as they are: the no-break space and caseless
    /// punctuation (« », the dashes, curly quotation marks, daggers, bullets and the ellipsis
    /// of U+2010…U+2027). Each is a `Character` of its own that `lowercased()` leaves alone,
    /// and each is punctuation or white space, so the byte-level key gives `key(_:)`'s answer.
    static func isPlainScalar(_ v: UInt32) -> Bool { v == 0xA0 || v == 0xAB || v == 0xBB || (v >= 0x2010 && v <= 0x2027) }

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
