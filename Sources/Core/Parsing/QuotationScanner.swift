/// A quotation found by its marks, before anyone is credited with it.
struct MarkedQuotation: Sendable {
    /// The words inside the marks (from the first paragraph's words to the last's).
    var content: TextRange
    /// Each paragraph's part (one for most quotations, which store none: see `segments`).
    var extraSegments: [TextRange]?
    var segments: [TextRange] { extraSegments ?? [content] }
    /// From the opening mark to the closing mark (or the paragraph end when unclosed).
    var outer: TextRange
    var paragraph: Int
    /// 0 for a top-level quotation, 1+ for a quotation inside another one.
    var depth: Int
    var style: QuoteStyle
    /// No closing mark was found; the quotation was ended at its paragraph's end.
    var unclosed: Bool
}

/// Finds quotations by their marks, paragraph by paragraph.
///
/// Handles the marks in `QuoteMarks`, apostrophes (Russia’s, wasn’t, ’90s, ’burbs,
/// rock ’n’ roll, the Passengers’ Alliance), quotes within quotes, quotations over
/// several paragraphs (each paragraph reopens, only the last closes), and unbalanced
/// marks (ended at the paragraph's end, with a diagnostic).
struct QuotationScanner {
    /// The deepest nesting of quotations kept (a quote in a quote in a quote …).
    static let maxDepth = 8

    private struct Open {
        var style: QuoteStyle
        var markOffset: Int
        var contentStart: Int
        var segments: [TextRange]
        var firstParagraph: Int
        var opener: Unicode.Scalar
    }

    func scan(_ source: Source, paragraphs: [Paragraph], diagnostics: inout [Diagnostic]) -> [MarkedQuotation] {
        var out: [MarkedQuotation] = []
        var carried: Open?        // a quotation left open at the previous paragraph's end
        var deepNoted = false     // the nesting cap was reported once
        // The marks open in the paragraph being read; empty between paragraphs (each ends by
        // emptying it), so one array serves them all.
        var stack: [Open] = []
        for (p, paragraph) in paragraphs.enumerated() {
            let range = paragraph.range
            var i = range.start
            if let c = carried {
                // The convention for a quotation over several paragraphs: the next paragraph
                // opens with the same mark again. Then it is one quotation.
                let (s, n) = source.scalar(at: range.start)
                if let m = QuoteMarks.mark(s), m.style == c.style, m.role != .close,
                   !(m.role == .either && !isOpenContext(source, at: range.start, length: n, paragraph: range)) {
                    var cont = c
                    cont.contentStart = range.start + n
                    stack.append(cont)
                    i = range.start + n
                } else if firstStrayClose(source, range: range, style: c.style) != nil {
                    // No reopening mark, but the paragraph closes the quotation before opening any.
                    var cont = c
                    cont.contentStart = range.start
                    stack.append(cont)
                } else {
                    Self.add(finish(c, last: nil, closeEnd: c.segments.last!.end, paragraphEnd: true, depth: 0), to: &out)
                    diagnostics.append(Diagnostic(code: .unclosedQuotation,
                                                  message: "a quotation opened at byte \(c.markOffset) is never closed; it ends with its paragraph",
                                                  byteOffset: c.markOffset))
                }
                carried = nil
            }
            while i < range.end {
                // Straight to the next " ' ` or byte of a multi-byte scalar (the curly marks).
                i = source.skip(from: i, to: range.end, until: 0x22, 0x27, 0x60, orHigh: true)
                if i == range.end { break }
                let b = source[i]
                if !QuoteMarks.mayStartMark(b) {
                    // Nor do its continuation bytes (0x80–0xBF), when it starts a longer scalar.
                    i += 1
                    while i < range.end && source[i] & 0xC0 == 0x80 { i += 1 }
                    continue
                }
                let (s, n) = source.scalar(at: i)
                // `` and '' as used in wire copy and PTB-style text stand for double marks.
                if b == 0x60, i + 1 < range.end, source[i + 1] == 0x60 {
                    stack.append(Open(style: .double, markOffset: i, contentStart: i + 2, segments: [], firstParagraph: p, opener: "\""))
                    i += 2; continue
                }
                if b == 0x27, i + 1 < range.end, source[i + 1] == 0x27 {
                    handle(QuoteMark(style: .double, role: .either), scalar: "\"", at: i, length: 2, source: source,
                           range: range, paragraph: p, stack: &stack, out: &out, diagnostics: &diagnostics, deepNoted: &deepNoted)
                    i += 2; continue
                }
                guard let mark = QuoteMarks.mark(s) else { i += n; continue }
                if mark.style == .single, Self.betweenASCIILetters(source, at: i, length: n, range: range) || isApostrophe(source, at: i, length: n, range: range, singleOpen: stack.contains { $0.style == .single },
                                                       openedAt: stack.last { $0.style == .single }?.contentStart) {
                    i += n; continue
                }
                handle(mark, scalar: s, at: i, length: n, source: source, range: range, paragraph: p,
                       stack: &stack, out: &out, diagnostics: &diagnostics, deepNoted: &deepNoted)
                i += n
            }
            // Paragraph end: single quotes left open were apostrophes after all; a double
            // (or guillemet) quotation left open may go on in the next paragraph.
            while let top = stack.popLast() {
                if top.style == .single || top.style == .singleGuillemet { continue }
                let tail = source.trimmed(TextRange(top.contentStart, range.end))
                if stack.isEmpty && p + 1 < paragraphs.count && !paragraph.isTitle {
                    var t = top
                    t.segments.append(tail)
                    carried = t
                } else {
                    let t = top
                    Self.add(finish(t, last: tail, closeEnd: range.end, paragraphEnd: true, depth: stack.count), to: &out)
                    diagnostics.append(Diagnostic(code: .unclosedQuotation,
                                                  message: "a quotation opened at byte \(t.markOffset) is never closed; it ends with its paragraph",
                                                  byteOffset: t.markOffset))
                }
            }
        }
        if let c = carried {
            Self.add(finish(c, last: nil, closeEnd: c.segments.last!.end, paragraphEnd: true, depth: 0), to: &out)
            diagnostics.append(Diagnostic(code: .unclosedQuotation,
                                          message: "a quotation opened at byte \(c.markOffset) is never closed; it ends with the text",
                                          byteOffset: c.markOffset))
        }
        QuotationScanner.cap(&diagnostics)
        out.sortNearlySorted { $0.outer.start != $1.outer.start ? $0.outer.start < $1.outer.start : $0.depth < $1.depth }
        return out
    }

    /// Adds a quotation found to the list, unless it has no words (“”): left out as it is
    /// found, not removed from the sorted list afterwards (which moved every quotation after
    /// the first one removed). The quotation is consumed: moved into the list, not copied
    /// (a copy retained its segments and the value given was released after it).
    private static func add(_ q: consuming MarkedQuotation, to out: inout [MarkedQuotation]) {
        if !q.content.isEmpty { out.append(q) }
    }

    private func handle(_ mark: QuoteMark, scalar s: Unicode.Scalar, at i: Int, length n: Int, source: Source,
                        range: TextRange, paragraph p: Int, stack: inout [Open], out: inout [MarkedQuotation],
                        diagnostics: inout [Diagnostic], deepNoted: inout Bool) {
        let openIndex = stack.lastIndex { $0.style == mark.style }
        var role = mark.role
        // “ closes a German „ and ‘ closes a German ‚.
        if role == .open, let k = openIndex, (stack[k].opener == "\u{201E}" && s == "\u{201C}") || (stack[k].opener == "\u{201A}" && s == "\u{2018}") {
            role = .close
        }
        if role == .either {
            // With a quotation of this style open, an ambiguous mark closes it (quotes of one
            // style inside each other are rare; a closing reading keeps pairs balanced).
            // Otherwise the letters around it decide.
            if openIndex != nil {
                role = .close
            } else if isOpenContext(source, at: i, length: n, paragraph: range) {
                role = .open
            } else if isCloseContext(source, at: i, length: n, paragraph: range) {
                role = .close
            } else {
                role = .open
            }
        }
        switch role {
        case .open, .either:
            // Quotes nest a level or two in real copy; a pile of opening marks deeper than
            // `maxDepth` is noise, and each level's text would repeat all the levels inside it.
            if stack.count >= QuotationScanner.maxDepth {
                if !deepNoted {
                    deepNoted = true
                    diagnostics.append(Diagnostic(code: .other,
                                                  message: "quotation marks nested deeper than \(QuotationScanner.maxDepth) levels at byte \(i); the deeper ones are ignored",
                                                  byteOffset: i))
                }
                return
            }
            stack.append(Open(style: mark.style, markOffset: i, contentStart: i + n, segments: [], firstParagraph: p, opener: s))
        case .close:
            guard let k = openIndex else {
                if mark.style != .single {
                    diagnostics.append(Diagnostic(code: .strayClosingMark,
                                                  message: "a closing quotation mark at byte \(i) has no opening mark", byteOffset: i))
                }
                return
            }
            // Marks opened inside and never closed are dropped (apostrophes or typos).
            while stack.count > k + 1 { stack.removeLast() }
            let o = stack.removeLast()
            Self.add(finish(o, last: source.trimmed(TextRange(o.contentStart, i)), closeEnd: i + n, paragraphEnd: false, depth: stack.count), to: &out)
        }
    }

    /// The quotation from its open mark: `o.segments` holds the parts of earlier paragraphs
    /// (empty for most quotations), `last` the final part when there is one.
    private func finish(_ o: Open, last: TextRange?, closeEnd: Int, paragraphEnd: Bool, depth: Int) -> MarkedQuotation {
        if o.segments.isEmpty {
            let content = last.map { $0.isEmpty ? TextRange(o.contentStart, o.contentStart) : $0 } ?? TextRange(o.contentStart, o.contentStart)
            return MarkedQuotation(content: content, extraSegments: nil, outer: TextRange(o.markOffset, closeEnd),
                                   paragraph: o.firstParagraph, depth: depth, style: o.style, unclosed: paragraphEnd)
        }
        var segments = o.segments
        if let last { segments.append(last) }
        segments.removeAll { $0.isEmpty }
        let content = segments.isEmpty ? TextRange(o.contentStart, o.contentStart)
            : TextRange(segments.first!.start, segments.last!.end)
        return MarkedQuotation(content: content, extraSegments: segments.count > 1 ? segments : nil,
                               outer: TextRange(o.markOffset, closeEnd), paragraph: o.firstParagraph,
                               depth: depth, style: o.style, unclosed: paragraphEnd)
    }

    /// At most `maxDiagnosticsPerCode` diagnostics of a kind are kept, then one that counts
    /// the rest: a line of 20,000 stray marks is one problem, not 20,000.
    static let maxDiagnosticsPerCode = 50

    static func cap(_ diagnostics: inout [Diagnostic]) {
        // Fewer diagnostics than the cap leave nothing to count.
        guard diagnostics.count > maxDiagnosticsPerCode else { return }
        // Each code's count in a short list: a text raises a handful of codes, and a
        // dictionary's first growth cost more than all the counting.
        var counts: [(code: Diagnostic.Code, n: Int)] = []
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let k = counts.firstIndex { $0.code == d.code } ?? counts.endIndex
            if k == counts.endIndex { counts.append((d.code, 0)) }
            counts[k].n += 1
            if counts[k].n <= maxDiagnosticsPerCode { kept.append(d) }
        }
        for (code, n) in counts.sorted(by: { $0.code.rawValue < $1.code.rawValue }) where n > maxDiagnosticsPerCode {
            kept.append(Diagnostic(code: code, message: "\(n - maxDiagnosticsPerCode) more like the above are not listed"))
        }
        diagnostics = kept
    }

    /// Before the mark: start of paragraph, space, an opening bracket, a dash or another mark.
    /// After it: something that is not space.
    private func isOpenContext(_ source: Source, at i: Int, length n: Int, paragraph: TextRange) -> Bool {
        let before: Unicode.Scalar? = i > paragraph.start ? source.scalar(before: i)?.0 : nil
        let after: Unicode.Scalar? = i + n < paragraph.end ? source.scalar(at: i + n).0 : nil
        guard let a = after, !a.isSpaceLike else { return false }
        guard let b = before else { return true }
        if b.isSpaceLike { return true }
        switch b.value {
        case 0x28, 0x5B, 0x7B, 0x2014, 0x2013, 0x2D, 0x2F, 0x3A: return true  // ( [ { — – - / :
        default: break
        }
        if let m = QuoteMarks.mark(b), m.role != .close, QuoteMarks.isOpening(b) { return true }
        return false
    }

    /// Before the mark: not space. After it: end, space or punctuation.
    private func isCloseContext(_ source: Source, at i: Int, length n: Int, paragraph: TextRange) -> Bool {
        guard i > paragraph.start, let (b, _) = source.scalar(before: i), !b.isSpaceLike else { return false }
        guard i + n < paragraph.end else { return true }
        let a = source.scalar(at: i + n).0
        return !a.isWordLike
    }

    /// Is this single mark an apostrophe? Between letters (Russia’s, wasn’t), before a
    /// decade (’90s) or a known elision (’burbs, ’n’), or after a plural's s when no
    /// single quote is open (the Passengers’ Alliance).
    private func isApostrophe(_ source: Source, at i: Int, length n: Int, range: TextRange, singleOpen: Bool, openedAt: Int? = nil) -> Bool {
        let before = i > range.start ? source.scalar(before: i)?.0 : nil
        let after = i + n < range.end ? source.scalar(at: i + n).0 : nil
        if let b = before, let a = after, b.isWordLike, a.isLetterLike { return true }
        if source.scalar(at: i).0 == "\u{2018}" && (before == nil || !before!.isWordLike) {
            // ‘ opens unless a decade or elision follows (a typo for ’90s).
            return startsElision(source, at: i + n, end: range.end)
        }
        if (before == nil || !before!.isWordLike), startsElision(source, at: i + n, end: range.end) { return true }
        if let b = before, b.isWordLike, !singleOpen { return true }   // Passengers’ / wasn’ (closing needs an open one)
        // ‘We didn’t want this. Teachers’ pay has fallen …’: a plural's possessive inside an
        // open single quotation of four words or more (a short one is a scare quote: ‘leaders’),
        // followed by a lower-case word, when the quotation closes later with no other
        // opening mark between.
        if singleOpen, let b = before, b == "s" || b == "S", after == " ", i + n + 1 < range.end,
           let open = openedAt, Self.words(source, from: open, to: i, atLeast: 4) >= 4,
           source.scalar(at: i + n + 1).0.isLowercaseLetterLike, closesLater(source, from: i + n, end: range.end) {
            return true
        }
        return false
    }

    /// The first test of `isApostrophe` (a word character before the mark, a letter after
    /// it: don't, Russia’s) on ASCII bytes, the common case, without decoding a scalar or
    /// looking at the open marks.
    @inline(__always) private static func betweenASCIILetters(_ source: Source, at i: Int, length n: Int, range: TextRange) -> Bool {
        guard i > range.start, i + n < range.end else { return false }
        let b = source[i - 1], a = source[i + n]
        return ((b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10) && (a | 0x20) &- 0x61 < 26
    }

    /// Runs of non-space bytes between two offsets, counted up to `atLeast` (the scan stops
    /// there: a paragraph of a million possessives stays linear).
    private static func words(_ source: Source, from: Int, to: Int, atLeast: Int) -> Int {
        var n = 0
        var inWord = false
        for k in from..<max(from, to) {
            let space = Source.isSpaceByte(source[k])
            if !space && !inWord {
                n += 1
                if n >= atLeast { return n }
            }
            inWord = !space
        }
        return n
    }

    /// A single closing mark (not between letters) comes after `from` in the paragraph before
    /// any single opening mark.
    private func closesLater(_ source: Source, from: Int, end: Int) -> Bool {
        var j = from
        // Within a few paragraphs' length: the look-ahead stays bounded whatever the paragraph.
        let end = min(end, from + 4_000)
        while j < end {
            let b = source[j]
            if !QuoteMarks.mayStartMark(b) { j += 1; continue }
            let (u, n) = source.scalar(at: j)
            if u == "\u{2018}" { return false }
            if u == "\u{2019}" || u == "'" {
                let before = source.scalar(before: j)?.0
                let after = j + n < end ? source.scalar(at: j + n).0 : nil
                let inWord = before.map(\.isWordLike) == true && after.map(\.isLetterLike) == true
                if !inWord, let b = before, !b.isSpaceLike { return true }
            }
            j += n
        }
        return false
    }

    /// A decade (’90s) or a known elision (’burbs, ’n’) at `start`. The letters are counted as
    /// they are read and made a string only when they make a word to look up: with no digit
    /// among them they are the bytes from `start` on (appending scalar by scalar to a string
    /// cost a hundred times more than reading them).
    private func startsElision(_ source: Source, at start: Int, end: Int) -> Bool {
        var j = start
        var letters = 0
        var lastLetter: Unicode.Scalar = " "
        var digits = 0
        while j < end {
            let (s, n) = source.scalar(at: j)
            if s.isDigitLike { digits += 1; j += n; continue }
            guard s.isLetterLike, letters < 8 else { break }
            letters += 1
            lastLetter = s
            j += n
        }
        if digits == 2 && (letters == 0 || (letters == 1 && lastLetter == "s")) { return true }
        if digits > 0 { return false }
        guard letters > 0 else { return false }
        // The word must end there (not ’Some quoted words’).
        if j < end { let (s, _) = source.scalar(at: j); if s.isLetterLike { return false } }
        let word = source.string(TextRange(start, j))
        return QuoteMarks.elisions.contains(word.lowercased()) && !(word.count == 1 && word.first!.isUppercase)
    }

    /// Offset of a closing mark of `style` before any opening mark in the paragraph.
    private func firstStrayClose(_ source: Source, range: TextRange, style: QuoteStyle) -> Int? {
        var i = range.start
        while i < range.end {
            let b = source[i]
            if !QuoteMarks.mayStartMark(b) { i += 1; continue }
            let (s, n) = source.scalar(at: i)
            if let m = QuoteMarks.mark(s), m.style == style {
                if m.role == .open { return nil }
                if isCloseContext(source, at: i, length: n, paragraph: range) && !isOpenContext(source, at: i, length: n, paragraph: range) { return i }
                return nil
            }
            i += n
        }
        return nil
    }
}
