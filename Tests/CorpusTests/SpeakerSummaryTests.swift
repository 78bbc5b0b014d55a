import Core
@testable import Extract
import Testing

@Suite("Speaker summary")
struct SpeakerSummaryTests {
    func article(_ text: String) -> Article { ArticleParser.parse(text) }

    @Test("the same person across articles is one line, as the speaker index merges them")
    func mergesLikeTheIndex() {
        let a = article("Pier vote\n\n“We looked at every option,” said Mayor Helen Okafor. “None of them adds up,” Okafor said.\n")
        let b = article("Ferry news\n\n“It was painful but unavoidable,” Okafor said on Tuesday.\n\n“Nobody asked us,” said Amira Haddad, a nurse.\n")
        var summary = SpeakerSummary()
        summary.add(.init(a))
        summary.add(.init(b))
        let lines = summary.lines()
        let index = SpeakerIndex(articles: [a, b])
        #expect(lines.map(\.name) == index.entries.map(\.name))
        #expect(lines.map(\.articles) == index.entries.map(\.appearances.count))
        #expect(lines.map(\.statements) == index.entries.map(\.statementCount))
        let okafor = lines.first { $0.name == "Helen Okafor" }
        #expect(okafor?.articles == 2)
        #expect(okafor?.statements == 3)
        #expect(okafor?.wordsQuoted == 5 + 5 + 5)
        #expect(okafor?.roles == ["Mayor"])
    }

    @Test("two people sharing a surname stay apart; anonymous sources are never merged")
    func keepsApart() {
        let a = article("One\n\n“The bridge is safe,” said John Smith, an engineer.\n")
        let b = article("Two\n\n“The bridge is not safe,” said Mary Smith, a resident.\n\n“We cannot say,” said one official.\n")
        let c = article("Three\n\n“Smith was right,” Smith said.\n\n“We still cannot say,” said one official.\n")
        var summary = SpeakerSummary()
        for x in [a, b, c] { summary.add(.init(x)) }
        let index = SpeakerIndex(articles: [a, b, c])
        #expect(summary.lines().map(\.name) == index.entries.map(\.name))
        #expect(summary.lines().map(\.articles) == index.entries.map(\.appearances.count))
    }

    @Test("a line as JSON: fixed key order, controls escaped")
    func json() {
        let line = SpeakerSummary.Line(name: "A \"B\"\u{1B}", aliases: ["B"], kind: .person, articles: 2, statements: 3, wordsQuoted: 14,
                                       roles: ["Mayor"], organizations: [])
        #expect(SpeakerSummary.json(line) == #"{"name": "A \"B\"\u001b", "kind": "person", "articles": 2, "statements": 3, "wordsQuoted": 14, "roles": ["Mayor"], "organizations": [], "aliases": ["B"]}"#)
    }
}
