import Testing
@testable import Core

@Suite("Title, paragraphs and sentences")
struct StructureTests {
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
}
