/// Splits each paragraph into sentences.
///
/// A sentence ends at . ! ? or … (and a closing mark right after it) when the next word
/// starts with a capital, a digit or an opening mark — never inside a quotation (a
/// quotation of several sentences stays in the sentence that frames it), and not after an
/// abbreviation (Mr., Jan., U.S., initials).
struct SentenceSplitter {
    /// The article's language, for the speech verbs of "“…?” Mr. Manafort asked."
    var pack: LanguagePack = .english

    struct Result {
        var paragraphs: [Paragraph]
        var sentences: [Sentence]
    }

    func split(_ source: Source, paragraphs: [Paragraph], quotations: [MarkedQuotation]) -> Result {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(paragraphs.count * 4)
        var out = paragraphs
        var q = 0   // next top-level quotation that may cover a split point
        let top = quotations.compactMap { $0.depth == 0 ? $0.outer : nil }
        for (p, paragraph) in paragraphs.enumerated() {
            let first = sentences.count
            let range = paragraph.range
            var start = range.start
            var i = range.start
            while i < range.end {
                // Straight to the next . ! ? or byte of a multi-byte scalar (… is E2 80 A6).
                i = source.skip(from: i, to: range.end, until: 0x2E, 0x21, 0x3F, orHigh: true)
                if i == range.end { break }
                let b = source[i]
                guard b == 0x2E || b == 0x21 || b == 0x3F || (b == 0xE2 && i + 2 < range.end && source[i + 1] == 0x80 && source[i + 2] == 0xA6) else {
                    // Another scalar: its continuation bytes (0x80–0xBF) are no mark either.
                    i += 1
                    while i < range.end && source[i] & 0xC0 == 0x80 { i += 1 }
                    continue
                }
                var end = i + (b == 0xE2 ? 3 : 1)
                // Runs of marks (?!, ...) and closing quotes or brackets stay with the sentence.
                while end < range.end {
                    let c = source[end]
                    if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x29 || c == 0x5D || c == 0x22 || c == 0x27 { end += 1; continue }
                    let (s, n) = source.scalar(at: end)
                    if s == "\u{201D}" || s == "\u{2019}" || s == "\u{00BB}" || s == "\u{2026}" || s == "\u{203A}" || s == "\u{300D}" { end += n; continue }
                    break
                }
                // Inside a quotation? Then it is not a sentence end.
                while q < top.count && top[q].end <= i { q += 1 }
                var inside = false
                var k = q
                while k < top.count && top[k].start < i {
                    // Inside unless the closing mark right after the period ends the quotation.
                    if top[k].start < i && end < top[k].end { inside = true; break }
                    k += 1
                }
                // "“Can we win Illinois?” Mr. Manafort asked.": a question or exclamation closing a
                // quotation, then a name and a speech verb, is one sentence with its attribution.
                let closesQuote = end > i + 1 && b != 0x2E
                if inside || !startsNewSentence(source, at: end, end: range.end) || isAbbreviation(source, period: i, start: range.start, mark: b)
                    || (closesQuote && attributionFollows(source, at: end, end: range.end)) {
                    i = end; continue
                }
                Self.append(source.trimmed(TextRange(start, end)), paragraph: p, source, to: &sentences)
                // The next sentence from past the spaces after this one, which its trim would
                // drop: then the trim's quick test holds, with no call to move its start.
                start = end
                while start < range.end && source[start] == 0x20 { start += 1 }
                i = end
            }
            let rest = source.trimmed(TextRange(start, range.end))
            if !rest.isEmpty { Self.append(rest, paragraph: p, source, to: &sentences) }
            out[p].sentences = first..<sentences.count
        }
        return Result(paragraphs: out, sentences: sentences)
    }

    /// The most bytes a sentence holds: a run of text with no sentence end in it (a list,
    /// a table flattened into one paragraph, hostile input) is cut into sentences of this
    /// size at most. The attribution reads a sentence's tokens all at once, some forty bytes
    /// each; without a cap, a 50 MB text with no period took 840 MB. No sentence of real
    /// prose comes near (PolNeAR's longest is under 2 KB).
    static let maxSentenceBytes = 16_384

    /// `range` (trimmed, not empty) appended as one sentence, or as several of at most
    /// `maxSentenceBytes` (see `cut`).
    @inline(__always) private static func append(_ range: TextRange, paragraph p: Int, _ source: Source, to sentences: inout [Sentence]) {
        if range.end - range.start <= maxSentenceBytes { sentences.append(Sentence(range: range, paragraph: p)) }
        else { cut(range, paragraph: p, source, to: &sentences) }
    }

    /// `range` appended as sentences of at most `maxSentenceBytes`, each cut after the last
    /// white space before the limit (at a scalar's start when there is none).
    @inline(never) private static func cut(_ range: TextRange, paragraph p: Int, _ source: Source, to sentences: inout [Sentence]) {
        var start = range.start
        while range.end - start > maxSentenceBytes {
            let limit = start + maxSentenceBytes
            var cut = limit
            while cut > start, !Source.isSpaceByte(source[cut - 1]) { cut -= 1 }
            if cut == start {
                cut = limit
                while cut > start, source[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
            let piece = source.trimmed(TextRange(start, cut))
            if !piece.isEmpty { sentences.append(Sentence(range: piece, paragraph: p)) }
            start = cut
        }
        let last = source.trimmed(TextRange(start, range.end))
        if !last.isEmpty { sentences.append(Sentence(range: last, paragraph: p)) }
    }

    /// Up to five capitalised words (a name, a title) and then a speech verb: "Mr. Manafort
    /// asked", "Graham said", "Sen. Ann Lee added".
    private func attributionFollows(_ source: Source, at i: Int, end: Int) -> Bool {
        var j = i
        var names = 0
        while j < end, names <= 5 {
            while j < end, Source.isSpaceByte(source[j]) { j += 1 }
            let start = j
            while j < end {
                let (s, n) = source.scalar(at: j)
                if s.isLetterLike || s == "." || s == "-" || s == "\u{2019}" || s == "'" { j += n } else { break }
            }
            guard j > start else { return false }
            let (first, _) = source.scalar(at: start)
            if first.isUppercaseLike { names += 1; continue }
            var word = source.string(TextRange(start, j)).lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            return names > 0 && pack.isSpeechForm(word)
        }
        return false
    }

    /// After space: a capital letter, a digit, an opening mark or bracket.
    private func startsNewSentence(_ source: Source, at i: Int, end: Int) -> Bool {
        var j = i
        var sawSpace = false
        while j < end, Source.isSpaceByte(source[j]) { j += 1; sawSpace = true }
        if j < end, source[j] == 0xC2, j + 1 < end, source[j + 1] == 0xA0 { j += 2; sawSpace = true }
        guard sawSpace, j < end else { return false }
        let (s, _) = source.scalar(at: j)
        if s.isUppercaseLike || s.isDigitLike { return true }
        if let m = QuoteMarks.mark(s), m.role != .close { return true }
        if s == "(" || s == "[" { return true }
        // Scripts without case (CJK, Arabic, Hebrew…) start sentences with any letter.
        if s.isLetterLike && !Unicode.Scalar.isLowercase(s) && s.value >= 0x0590 { return true }
        return false
    }

    /// `Abbreviations.words` hashed by their bytes.
    private static let abbreviations = WordLexicon(Dictionary(uniqueKeysWithValues: Abbreviations.words.map { ($0, WordClass.abbreviation) }))

    /// The word before the period is an abbreviation, an initial or a dotted acronym.
    private func isAbbreviation(_ source: Source, period i: Int, start: Int, mark: UInt8) -> Bool {
        guard mark == 0x2E else { return false }
        var j = i
        // Whether the word holds a period, and whether all of it is ASCII, seen on the way.
        var dotted = false, ascii = true
        while j > start {
            // ASCII bytes, the common case, answer without decoding a scalar.
            let b = source[j - 1]
            if b < 0x80 {
                if (b | 0x20) &- 0x61 < 26 { j -= 1; continue }
                if b == 0x2E { dotted = true; j -= 1; continue }
                break
            }
            guard let (s, k) = source.scalar(before: j) else { break }
            if s.isLetterLike || s == "." { j = k; ascii = false } else { break }
        }
        if j == i { return false }
        // An ASCII word without periods, the common case, is looked up by its bytes.
        if ascii, !dotted, Self.abbreviations.holdsEveryASCIIKey {
            if i - j == 1 && source[j] &- 0x41 < 26 { return true }                 // initials
            return Self.abbreviations.words.find(source, j, WordKey(source, j, i)).entry != nil
        }
        let word = source.string(TextRange(j, i))
        if word.contains(".") { return true }                             // U.S., U.N., a.m.
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.isUppercaseLike { return true } // initials
        return Abbreviations.words.contains(word.lowercased())
    }
}
