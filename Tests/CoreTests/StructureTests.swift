import Testing
@testable import Core

@Suite("Title, paragraphs and sentences")
struct StructureTests {
    @Test("the scanners' skip stops where a byte-by-byte search does, at every offset")
    func skipAgrees() {
        let edges: [UInt8] = [0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x22, 0x27, 0x60, 0x7F, 0x80, 0xC2, 0xE2, 0xFF, 0x20]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(round % 53) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(x >> 33)
                bytes.append(r % 11 == 0 ? edges[(r / 11) % edges.count] : UInt8(0x61 + (r / 11) % 26))
            }
            bytes.withUnsafeBufferPointer { buf in
                let source = Source(bytes: buf)
                for (a, b, c) in [(UInt8(0x0A), UInt8(0x0D), UInt8(0x0D)), (0x2E, 0x21, 0x3F), (0x22, 0x27, 0x60)] {
                    for orHigh in [false, true] {
                        for from in [0, 1, 5, 9] where from <= bytes.count {
                            let naive = (from..<bytes.count).first { k in
                                let y = bytes[k]
                                return y == a || y == b || y == c || (orHigh && y >= 0x80)
                            } ?? bytes.count
                            #expect(source.skip(from: from, to: bytes.count, until: a, b, c, orHigh: orHigh) == naive, "\(bytes)")
                        }
                    }
                }
            }
        }
    }

    @Test("a first line followed by a blank line is the title")
    func title() {
        let a = ArticleParser.parse("Storm Closes Ports\n\nThe storm came early. It left late.\n\nPorts stayed shut.")
        #expect(a.titleText == "Storm Closes Ports")
        #expect(a.paragraphs.filter { !$0.isTitle }.count == 2)
        #expect(a.paragraphs[0].isTitle)
    }

    @Test("without a blank line after it, the first line is not a title")
    func noTitle() {
        let a = ArticleParser.parse("The storm came early.\nPorts stayed shut.\nShips waited.")
        #expect(a.title == nil)
        #expect(a.paragraphs.count == 3)   // one paragraph per line
    }

    @Test("CRLF and CR line ends separate paragraphs like LF", arguments: ["\r\n", "\r"])
    func lineEnds(eol: String) {
        let a = ArticleParser.parse("Headline" + eol + eol + "First paragraph." + eol + eol + "Second paragraph.")
        #expect(a.titleText == "Headline")
        #expect(a.paragraphs.filter { !$0.isTitle }.map { a.string($0.range) } == ["First paragraph.", "Second paragraph."])
    }

    @Test("hard-wrapped prose stays one paragraph")
    func hardWrapped() {
        let body = """
            The council met on Tuesday evening to discuss the future of the old ferry
            pier, which has been closed to traffic since a storm damaged its pilings in
            the spring of last year.
            """
        let a = parse(body)
        #expect(a.paragraphs.filter { !$0.isTitle }.count == 1)
    }

    @Test("sentences split at . ! ? but not after abbreviations or initials", arguments: [
        ("Mr. Smith arrived. He sat down.", 2),
        ("Dr. Ana Ruiz spoke at 10 a.m. on Jan. 5 in the U.S. capital.", 1),
        ("J. K. Rowling wrote it. Nobody argued!", 2),
        ("Is it over? Yes. It is over.", 3),
        ("Sen. Warren left early. Rep. Jones stayed.", 2),
    ])
    func sentences(text: String, count: Int) {
        let a = parse(text)
        let body = a.paragraphs.first { !$0.isTitle }!
        #expect(body.sentences.count == count, "\(body.sentences.map { a.string(a.sentences[$0].range) })")
    }

    @Test("sentence marks inside a quotation do not end the framing sentence")
    func marksInsideQuotes() {
        let a = parse("“Okay. We will come. And then what?” he asked, smiling. She left.")
        let body = a.paragraphs.first { !$0.isTitle }!
        #expect(body.sentences.map { a.string(a.sentences[$0].range) } == [
            "“Okay. We will come. And then what?” he asked, smiling.", "She left.",
        ])
    }

    @Test("a run of text with no sentence end is cut into sentences of at most 16 KB, after a space or between scalars")
    func longRunsAreCut() {
        let cap = SentenceSplitter.maxSentenceBytes
        // Words and spaces, cut after a space (joined again by one); then letters with no
        // space, cut between scalars ("é" is two bytes: a cut at a byte count would split one).
        let words = String(repeating: "word and more words ", count: 3 * cap / 20) + "Next one."
        let letters = "x" + String(repeating: "é", count: cap)
        for (body, separator) in [(words, " "), (letters, "")] {
            let a = parse("Title\n\n" + body)
            let paragraph = a.paragraphs.last!
            let pieces = paragraph.sentences.map { a.sentences[$0].range }
            #expect(pieces.count >= 2)
            #expect(pieces.allSatisfy { $0.end - $0.start <= cap })
            // Nothing lost but the space at each cut, and no scalar split.
            #expect(pieces.map { a.string($0) }.joined(separator: separator) == body)
        }
    }
}
