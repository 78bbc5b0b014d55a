import Testing
@testable import Core

@Suite("Finding quotations by their marks")
struct QuotationScannerTests {
    static let marked: [(String, String)] = [
        ("curly double quotes", "He said “the port is closed” today."),
        ("straight double quotes", "He said \"the port is closed\" today."),
        ("British single quotes", "He said ‘the port is closed’ today."),
        ("straight single quotes", "He said 'the port is closed' today."),
        ("French guillemets", "Il a dit « the port is closed » hier."),
        ("German marks", "Er sagte „the port is closed“ heute."),
        ("German single marks", "Er sagte ‚the port is closed‘ heute."),
        ("Japanese corner brackets", "彼は「the port is closed」と言った。"),
        ("wire-copy doubled apostrophes", "He said ''the port is closed'' today."),
        ("single guillemets", "Il a dit ‹ the port is closed › hier."),
    ]

    @Test("each quotation style is found, marks excluded", arguments: marked)
    func styles(name: String, text: String) {
        let a = parse(text)
        #expect(a.quotations.map { a.string($0.range) } == ["the port is closed"], "\(name)")
    }

    @Test("a plural possessive inside a long single-quoted statement does not close it")
    func pluralPossessiveInsideSingleQuotes() {
        let a = parse("Daniel Kebede said: ‘We didn’t want this. Teachers’ pay has fallen by a fifth and our members can’t wait.’")
        #expect(a.quotations.map { a.string($0.range) } == ["We didn’t want this. Teachers’ pay has fallen by a fifth and our members can’t wait."])
    }

    @Test("a short single-quoted word ending in s still closes", arguments: [
        "“Nobody knows what ‘Brussels’ stands for anyway,” she said.",
        "He called them ‘leaders’ in name only, and ‘frauds’ in practice.",
    ])
    func shortSingleQuoteCloses(text: String) {
        let a = parse(text)
        let texts = a.quotations.map { a.string($0.range) }
        #expect(texts.contains("Brussels") || texts.contains("leaders"), "\(texts)")
    }

    @Test("apostrophes are not quotation marks", arguments: [
        "Russia’s envoy wasn’t there.",
        "It was the ’90s, out in the ’burbs, with rock ’n’ roll.",
        "The Passengers’ Alliance met the Drivers' Union.",
        "It's John's car and the dogs' bowls.",
        "Back in '08 the boys' club ruled.",
    ])
    func apostrophes(text: String) {
        let a = parse(text)
        #expect(a.quotations.isEmpty, "\(a.quotations.map { a.string($0.range) })")
    }

    @Test("a quote within a quote is part of the outer one and marked nested")
    func nested() {
        let a = parse("“They told me ‘wait here’ and left,” she said.")
        #expect(a.quotations.map(\.kind) == [.direct, .nested])
        #expect(a.string(a.quotations[0].range) == "They told me ‘wait here’ and left,")
        #expect(a.string(a.quotations[1].range) == "wait here")
    }

    @Test("a quotation over several paragraphs is one quotation, paragraphs joined by a newline")
    func multiParagraph() {
        let a = parse("She said: “The first part goes on.\n\n“The second part ends here.”\n\nThe end.")
        let q = a.quotations.filter { $0.kind != .nested && $0.kind != .indirect }
        #expect(q.count == 1)
        #expect(ArticleJSON.text(of: q[0], in: a) == "The first part goes on.\nThe second part ends here.")
        #expect(q[0].segments.count == 2)
    }

    @Test("an unclosed quotation ends at its paragraph with a diagnostic")
    func unclosed() {
        let a = parse("He said “this never closes and goes on.\n\nA new paragraph.")
        #expect(a.quotations.first.map { a.string($0.range) } == "this never closes and goes on.")
        #expect(a.diagnostics.contains { $0.code == .unclosedQuotation })
    }

    @Test("a stray closing mark is reported, not paired")
    func stray() {
        let a = parse("This has a stray” mark in it.")
        #expect(a.quotations.isEmpty)
        #expect(a.diagnostics.contains { $0.code == .strayClosingMark })
    }

    @Test("thousands of stray marks give a few diagnostics and a count of the rest")
    func diagnosticsCapped() {
        let a = parse(String(repeating: "word” ", count: 500))
        let stray = a.diagnostics.filter { $0.code == .strayClosingMark }
        #expect(stray.count == QuotationScanner.maxDiagnosticsPerCode + 1)
        #expect(stray.last?.message == "\(500 - QuotationScanner.maxDiagnosticsPerCode) more like the above are not listed")
    }

    @Test("offsets count UTF-8 bytes into the text")
    func offsets() {
        let a = ArticleParser.parse("Tïtle\n\nÉmile said “café”.")
        let q = a.quotations[0]
        let bytes = Array(a.text.utf8)
        #expect(String(decoding: bytes[q.range.start..<q.range.end], as: UTF8.self) == "café")
        #expect(q.range.start == Array("Tïtle\n\nÉmile said “".utf8).count)
    }
}
