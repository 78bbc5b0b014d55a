import Testing
@testable import Core

/// `--list` works on bytes (no `Character` iteration over the article): these tests hold the
/// byte-level code to what the character-level code it replaced gave, on text full of the
/// cases where the two could part (CR LF, controls, C1, bidi, combining marks, emoji).
@Suite("The listing's byte-level text handling gives what character-level code gave")
struct ListingBytesTests {
    /// The scalar-by-scalar sanitizer the byte-level one replaced, kept as the reference.
    static func referenceSanitize(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingReturn = false
        for s in text.unicodeScalars {
            if pendingReturn {
                out.append(s == "\n" ? "\r" : TerminalText.symbol(for: "\r"))
                pendingReturn = false
            }
            if keepingLineBreaks {
                if s == "\n" || s == "\t" { out.append(s); continue }
                if s == "\r" { pendingReturn = true; continue }
            }
            out.append(TerminalText.symbol(for: s))
        }
        if pendingReturn { out.append(TerminalText.symbol(for: "\r")) }
        return String(out)
    }

    /// Pieces whose mixes cover every branch: each control, CR LF, lone CR, C1, bidi marks
    /// and their neighbours that must stay (U+2029, U+200F, U+2065), multi-byte text.
    static let pieces: [String] = [
        "a", "word ", "\n", "\r", "\r\n", "\t", "\u{1B}", "\u{7}", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
        "\u{A0}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{2065}", "\u{200F}",
        "é", "e\u{301}", "东京", "🎉", "“", "”", "¶", "\u{E000}", "\u{FFFD}",
    ]

    /// Deterministic strings made of `pieces` (a linear congruential generator, fixed seed).
    static func samples(count: Int, seed: UInt64 = 7) -> [String] {
        var x = seed
        func next(_ n: Int) -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int((x >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    @Test("sanitize matches the scalar-level reference on 3,000 mixed strings, in both modes")
    func sanitizeMatchesReference() {
        for s in Self.samples(count: 3000) {
            #expect(TerminalText.sanitize(s) == Self.referenceSanitize(s, keepingLineBreaks: true), "\(Array(s.utf8))")
            #expect(TerminalText.line(s) == Self.referenceSanitize(s, keepingLineBreaks: false), "\(Array(s.utf8))")
        }
    }

    @Test("sanitize keeps safe text as it is and ends on a symbol at the very end")
    func sanitizeEdges() {
        #expect(TerminalText.sanitize("") == "")
        #expect(TerminalText.sanitize("\r") == "␍")
        #expect(TerminalText.sanitize("x\u{9B}") == "x\u{FFFD}")
        #expect(TerminalText.sanitize("\u{202E}") == "\u{FFFD}")
        #expect(TerminalText.line("a\nb\tc\r\n") == "a␊b␉c␍␊")
        let long = String(repeating: "plain text, “quoted” 东京 ", count: 2000) + "\u{1B}"
        #expect(TerminalText.sanitize(long) == Self.referenceSanitize(long, keepingLineBreaks: true))
    }

    @Test("replacingLineFeeds replaces a line feed but not a CR LF pair, like String's character split")
    func lineFeeds() {
        for s in Self.samples(count: 2000, seed: 11) {
            var out: [UInt8] = []
            Array(s.utf8).withUnsafeBufferPointer { TerminalText.replacingLineFeeds(in: $0, with: " ¶ ", into: &out) }
            #expect(String(decoding: out, as: UTF8.self) == s.replacingAll("\n", with: " ¶ "), "\(Array(s.utf8))")
        }
    }

    @Test("a quotation's line in the listing is its text with line breaks as ¶, parts joined")
    func flattenedQuotations() {
        let text = "Title\n\n“First part of it,\r\nand more,” said Ana Ruiz.\n\n“One paragraph,\n\n“and the next one,” said Tom Kerr.\r\n\r\nKerr said the plan was\nlate.\n"
        let article = ArticleParser.parse(text)
        #expect(!article.quotations.isEmpty)
        #expect(article.quotations.contains { $0.segments.count > 1 }, "a quotation over two paragraphs")
        for q in article.quotations {
            let reference = ArticleJSON.text(of: q, in: article).replacingAll("\n", with: " ¶ ")
            #expect(ArticleListing.flattened(q, in: article) == reference)
        }
    }

    @Test("replacing an ASCII phrase on the bytes gives what the character-level split gave")
    func replacingAllBytes() {
        for (k, sample) in Self.samples(count: 300).enumerated() {
            // The phrase at the start, the end and inside, beside every kind of piece.
            let cut = sample.index(sample.startIndex, offsetBy: sample.count / 2)
            let text = "at byte 12" + sample[..<cut] + "at byte 12" + sample[cut...] + (k % 2 == 0 ? "at byte 12" : "")
            let reference = text.split(separator: "at byte 12", omittingEmptySubsequences: false).joined(separator: "in paragraph 3")
            #expect(text.replacingAll("at byte 12", with: "in paragraph 3") == reference, "\(Array(text.unicodeScalars))")
        }
        #expect("at byte 1\u{301} and at byte 1".replacingAll("at byte 1", with: "x") == "at byte 1\u{301} and x")
    }

    @Test("the colour stand-in is the first private-use scalar the article lacks, and becomes ESC")
    func standIn() {
        let plain = ArticleParser.parse("Title\n\n“Yes,” said Ana Ruiz.\n")
        #expect(ArticleListing.standIn(for: plain) == "\u{E000}")
        let taken = ArticleParser.parse("Title \u{E000}\n\n“Yes \u{E001}\u{E003},” said Ana Ruiz \u{F8FF}.\n")
        #expect(ArticleListing.standIn(for: taken) == "\u{E002}")
        let listing = ArticleListing.render(taken, sgr: [31, 32])
        #expect(listing.contains("\u{1B}[1;31m"))
        #expect(listing.contains("\u{E000}") && listing.contains("\u{E001}"), "the article's own private-use characters stay")
        #expect(!listing.contains("\u{E002}"))
        let s = "a\u{E002}[1mb\u{E002}\u{E002}"
        #expect(ArticleListing.replacing("\u{E002}", withEscapeIn: s) == s.replacingAll("\u{E002}", with: "\u{1B}"))
    }

    @Test("the listing streamed line by line is the listing rendered whole", arguments: [false, true])
    func streamed(explain: Bool) {
        let text = "Title\u{1B}]0;x\u{7}\r\n\r\n“First part,\r\nand more,” said Ana Ruiz.\r\n\r\n“One paragraph,\n\n“and the next \u{202E}one,” said Tom Kerr.\r\n\r\nKerr said the plan was\r\nlate. “A scare” word.\n"
        let article = ArticleParser.parse(text)
        for sgr in [nil, [31, 32]] as [[Int]?] {
            var pieces: [String] = []
            ArticleListing.write(article, explain: explain, sgr: sgr, chunkSize: 1) { pieces.append($0) }
            #expect(pieces.count > 3)
            #expect(pieces.dropLast().allSatisfy { $0.utf8.last == 0x0A }, "every piece but the last ends a line")
            let whole = ArticleListing.render(article, explain: explain, sgr: sgr)
            #expect(pieces.joined() == whole)
            #expect(HostileBytes.raw(Array(whole.utf8), allowingEscape: sgr != nil).isEmpty)
        }
    }
}

extension ListingBytesTests {
    /// The bars' word rule, byte by byte: letters, digits and any non-ASCII byte; an inner
    /// ' or - keeps a word whole.
    static func referenceWordCount<C: Collection<UInt8>>(_ b: C) -> Int {
        var n = 0, inWord = false
        for c in b {
            let letter = c >= 0x80 || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122)
            if letter && !inWord { n += 1 }
            inWord = letter || (inWord && (c == 0x27 || c == 0x2D))
        }
        return n
    }

    @Test("word counts for the share-of-voice bars: letters, digits and any non-ASCII byte; inner ' and - keep a word whole")
    func wordCounts() {
        func reference(_ b: [UInt8]) -> Int { Self.referenceWordCount(b) }
        for s in Self.samples(count: 1000, seed: 3) + ["rock-'n'-roll it's -x- 'quoted' 1,000 e\u{301}té"] {
            let b = Array(s.utf8)
            #expect(b.withUnsafeBufferPointer { VoiceShare.words(in: $0, from: 0, to: $0.count) } == reference(b))
        }
        #expect(Array("don't stop-start - now".utf8).withUnsafeBufferPointer { VoiceShare.words(in: $0, from: 0, to: $0.count) } == 3)
    }

    @Test("word counts sixty-four bytes at a time agree with the byte rule, from any offset to any other, across block edges")
    func wordCountsAcrossBoundaries() {
        func reference(_ b: ArraySlice<UInt8>) -> Int { Self.referenceWordCount(b) }
        // Runs of apostrophes and hyphens, and the bytes next to every class boundary.
        let edges: [UInt8] = [0x27, 0x2D, 0x27, 0x2D, 0x20, 0x26, 0x28, 0x2C, 0x2E, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41,
                              0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xA7, 0xAD, 0xC3, 0xFF, 0x00, 0x0A]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            // Up to three blocks of 64 bytes and a tail: runs that cross a block's edge.
            for _ in 0..<(round % 210) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(x >> 33)
                bytes.append(r % 3 == 0 ? UInt8(0x61 + (r / 3) % 26) : edges[(r / 3) % edges.count])
            }
            for from in [0, 1, 3, 8] where from <= bytes.count {
                for to in Set([bytes.count, max(from, bytes.count - 1), min(bytes.count, from + 9), min(bytes.count, from + 64), min(bytes.count, from + 65)]) {
                    let got = bytes.withUnsafeBufferPointer { VoiceShare.words(in: $0, from: from, to: to) }
                    #expect(got == reference(bytes[from..<to]), "\(bytes) \(from)..<\(to)")
                }
            }
        }
    }
}

/// Raw controls in output meant for a terminal (ESC allowed only where colour was asked for).
enum HostileBytes {
    static func raw(_ b: [UInt8], allowingEscape: Bool) -> [Int] {
        b.indices.filter { i in
            let c = b[i]
            if c == 0x1B { return !allowingEscape }
            if c == 0x0D { return !(i + 1 < b.count && b[i + 1] == 0x0A) }
            return (c < 0x20 && c != 0x0A && c != 0x09) || c == 0x7F
        }
    }
}
