/// Whether a marked quotation is somebody's statement (direct, partial) or not (scare
/// quotes, the title of a work): from the words around it and its own shape.
struct KindClassifier {
    /// direct, partial, scare or title.
    func kind(_ ctx: Context, of qi: Int, quotation mq: MarkedQuotation, attributed: Bool, hasCue: Bool) -> QuotationKind {
        let source = ctx.source, tokens = ctx.tokens, firstWord = ctx.firstWord
        // The quotation's words, first letter and last mark, read from the text's bytes. The
        // rules ask about at most eight words: counting stops at nine. The words are counted
        // only when a rule asks (most quotations are decided before): -1 until then.
        let content = mq.content
        var counted = -1
        func words() -> Int {
            if counted < 0 { counted = Self.words(source, content, upTo: 9) }
            return counted
        }
        let previous = qi > 0 ? tokens[qi - 1] : nil
        let previous2 = qi > 1 ? tokens[qi - 2] : nil
        // (`quoteKindCue` marks the words of both lists: one test of the classes first.)
        if let p = previous, p.isWord {
            let cue = p.cls.contains(.quoteKindCue)
            if cue && SpeakerAttributor.scareCues.contains(p.lower) || (p.lower == "as" && previous2?.lower == "known") { return .scare }
            if cue && SpeakerAttributor.titleCues.contains(p.lower) && !hasCue { return .title }
        }
        if let p2 = previous2, p2.isWord, p2.cls.contains(.quoteKindCue), SpeakerAttributor.titleCues.contains(p2.lower), previous?.isPunct(",") == false, !hasCue,
           ["titled", "entitled", "headlined", "called"].contains(previous?.lower ?? "") {
            return .title
        }
        var startsUpper = false
        var k = content.start
        while k < content.end {
            let (u, n) = source.scalar(at: k)
            if u.isLetterLike { startsUpper = u.isUppercaseLike; break }
            k += n
        }
        var last: Unicode.Scalar?
        var e = content.end
        while e > content.start, let (u, start) = source.scalar(before: e) {
            if !u.isSpaceLike { last = u; break }
            e = start
        }
        let endsPunct = last.map { Self.endMarks.contains($0) } ?? false
        let startsSentence = firstWord.map { $0 > qi } ?? true
        let afterColon = previous?.isPunct(":") == true
        let afterCueComma = previous?.isPunct(",") == true && (previous2.map { $0.cls.contains(.verbForm) } ?? false)
            || previous?.isPunct(",") == true && secondHalf(ctx, qi)
        // A name in title case, not a sentence: MSNBC’s “Morning Joe”.
        if !hasCue, !endsPunct, !startsSentence, words() >= 2, words() <= 8,
           Self.asciiTitleCase(source, content) ?? isTitleCase(source.string(content)) { return .title }
        if startsSentence || afterColon || afterCueComma || (startsUpper && endsPunct && words() >= 4) {
            return .direct
        }
        if !attributed && !hasCue && words() <= 3 { return .scare }
        return .partial
    }

    /// “We will not back down,” X told the radio on Wednesday, “and we will not …”: the
    /// quotation after the comma goes on with the one before the cue, which ended with a comma.
    private func secondHalf(_ ctx: Context, _ qi: Int) -> Bool {
        let tokens = ctx.tokens
        guard let j = tokens[..<qi].lastIndex(where: { $0.kind == .quote }), qi - j <= 16,
              tokens[(j + 1)..<qi].contains(where: { $0.cls.contains(.verbForm) }) else { return false }
        var k = tokens[j].range.end
        while k > tokens[j].range.start, let (u, start) = ctx.source.scalar(before: k) {
            if QuoteMarks.mark(u) != nil || u.isSpaceLike { k = start; continue }
            return u == ","
        }
        return false
    }

    /// Marks that end a sentence or a clause: a quotation ending with one is a statement.
    private static let endMarks: [Unicode.Scalar] = Array(".!?,…—-;:".unicodeScalars)
    /// Words a title leaves in lower case.
    private static let small: Set<String> = ["of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "is", "by"]

    /// Runs of bytes between white space (space, tab, line feed, return) in `range`, counted
    /// eight bytes at a time; the count stops at `limit`. A run starts at each byte that is
    /// no white space after one that is (or at the start).
    static func words(_ source: Source, _ range: TextRange, upTo limit: Int) -> Int {
        source.wordRuns(range, upTo: limit, whiteSpace: true)
    }

    /// `isTitleCase(source.string(range))` read from the bytes when they are all ASCII (nil
    /// otherwise): words split at spaces, a small word of at most four bytes skipped, each
    /// other word's first letter a capital, two of them at least.
    static func asciiTitleCase(_ source: Source, _ range: TextRange) -> Bool? {
        for k in range.start..<range.end where source[k] >= 0x80 { return nil }
        var capitals = 0
        var k = range.start
        while k < range.end {
            if source[k] == 0x20 { k += 1; continue }
            var e = k
            while e < range.end, source[e] != 0x20 { e += 1 }
            defer { k = e }
            if e - k <= 4 {
                var packed = UInt64(e - k)
                for j in k..<e { packed = packed << 8 | UInt64(source[j] &- 0x41 < 26 ? source[j] | 0x20 : source[j]) }
                if smallPacked.contains(packed) { continue }
            }
            guard let f = (k..<e).first(where: { source[$0] &- 0x41 < 26 || source[$0] &- 0x61 < 26 }) else { continue }
            if source[f] >= 0x61 { return false }
            capitals += 1
        }
        return capitals >= 2
    }

    /// The ASCII words of `small` of at most four bytes, each packed with its length as
    /// `asciiTitleCase` packs a word (the others never equal a lowered word of that size).
    private static let smallPacked: [UInt64] = small.compactMap { w in
        guard w.utf8.count <= 4, w.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return w.utf8.reduce(UInt64(w.utf8.count)) { $0 << 8 | UInt64($1) }
    }

    func isTitleCase(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        var capitals = 0
        for w in words {
            // (A small word is ASCII of at most four bytes: a longer word is lowered no more.)
            if w.utf8.count <= 4, Self.small.contains(w.lowercased()) { continue }
            guard let f = w.unicodeScalars.first(where: { $0.isLetterLike }) else { continue }
            if !f.isUppercaseLike { return false }
            capitals += 1
        }
        return capitals >= 2
    }
}
