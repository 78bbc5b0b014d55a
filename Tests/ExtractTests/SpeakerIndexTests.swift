import Core
import Testing
@testable import Extract

/// An article built by hand: each speaker with their statements (Core's attribution is
/// not what these tests are about).
func article(_ title: String, _ speakers: [(name: String, aliases: [String], kind: SpeakerKind, says: [String])]) -> Article {
    var text = title + "\n\n"
    var quotations: [Quotation] = []
    var model: [Speaker] = []
    for (k, s) in speakers.enumerated() {
        var statements: [Int] = []
        for said in s.says {
            text += "“"
            let start = text.utf8.count
            text += said
            let range = TextRange(start, text.utf8.count)
            text += "” \(s.name) said.\n\n"
            statements.append(quotations.count)
            quotations.append(Quotation(id: quotations.count, range: range, kind: .direct, paragraph: 1 + quotations.count,
                                        sentence: quotations.count, speaker: k))
        }
        model.append(Speaker(id: k, name: s.name, aliases: s.aliases, kind: s.kind, firstMention: TextRange(0, 0), statements: statements))
    }
    return Article(text: text, title: TextRange(0, title.utf8.count), quotations: quotations, speakers: model)
}

@Suite("One speaker index across several articles")
struct SpeakerIndexTests {
    static let outletA = article("Summit off", [
        ("Konstantin Kosachev", ["Kosachev"], .person, ["It is a show.", "An unprepared meeting is worse than none."]),
        ("the Kremlin", [], .organization, ["No date has been set."]),
        ("one official", [], .anonymous, ["Nobody expected it."]),
    ])
    static let outletB = article("Kremlin rejects talks", [
        ("Kosachev", [], .person, ["He should be afraid of this meeting."]),
        ("The Kremlin", [], .organization, ["The president's schedule is full."]),
        ("one official", [], .anonymous, ["It was never serious."]),
        ("Volodymyr Zelensky", ["Zelensky", "the president"], .person, ["I will be in Istanbul."]),
    ])
    static let outletC = article("Zelensky waits in Istanbul", [
        ("Mr Zelensky", [], .person, ["I am here."]),
        ("Dzhabarov", [], .person, ["Who invited him?"]),
    ])

    @Test("a surname alone joins the full name from another article")
    func surname() throws {
        let index = SpeakerIndex(articles: [Self.outletA, Self.outletB])
        let e = try #require(index.entry(named: "Kosachev"))
        #expect(e.name == "Konstantin Kosachev")
        #expect(e.appearances.map(\.article) == [0, 1])
        #expect(e.appearances.map(\.statements) == [[0, 1], [0]])
        #expect(e.statementCount == 3)
    }

    @Test("names differing only in case, “the” and titles are one speaker")
    func sameName() throws {
        let index = SpeakerIndex(articles: [Self.outletA, Self.outletB, Self.outletC])
        let kremlin = try #require(index.entry(named: "the Kremlin"))
        #expect(kremlin.appearances.map(\.article) == [0, 1])
        #expect(kremlin.kind == .organization)
        let zelensky = try #require(index.entry(named: "Volodymyr Zelensky"))
        #expect(zelensky.appearances.map(\.article) == [1, 2], "“Mr Zelensky” is Volodymyr Zelensky")
        #expect(zelensky.aliases.contains("Mr Zelensky"))
    }

    @Test("anonymous sources are never merged across articles")
    func anonymous() {
        let index = SpeakerIndex(articles: [Self.outletA, Self.outletB])
        let officials = index.entries.filter { $0.name == "one official" }
        #expect(officials.count == 2)
        #expect(officials.allSatisfy { $0.appearances.count == 1 })
    }

    @Test("a surname that fits two full names joins neither")
    func ambiguousSurname() {
        let a = article("A", [("Anna Smith", [], .person, ["One."])])
        let b = article("B", [("Robert Smith", [], .person, ["Two."])])
        let c = article("C", [("Smith", [], .person, ["Three."])])
        let index = SpeakerIndex(articles: [a, b, c])
        #expect(index.entries.count == 3)
        #expect(index.entry(named: "Smith")?.appearances.map(\.article) == [2])
    }

    @Test("a first name alone is not a surname")
    func firstName() {
        let a = article("A", [("Anna Smith", [], .person, ["One."])])
        let b = article("B", [("Anna", [], .person, ["Two."])])
        #expect(SpeakerIndex(articles: [a, b]).entries.count == 2)
    }

    @Test("a middle initial does not keep one person apart")
    func middleInitial() {
        let a = article("A", [("John F. Kennedy", [], .person, ["One."])])
        let b = article("B", [("John Kennedy", [], .person, ["Two."])])
        let index = SpeakerIndex(articles: [a, b])
        #expect(index.entries.count == 1)
        #expect(index.entries.first?.name == "John F. Kennedy")
    }

    @Test("speakers in more articles come first, and those who say nothing are not listed")
    func order() {
        let silent = article("D", [("Nobody Quiet", [], .person, [])])
        let index = SpeakerIndex(articles: [Self.outletA, Self.outletB, Self.outletC, silent])
        #expect(index.entries.prefix(3).map(\.name) == ["Konstantin Kosachev", "the Kremlin", "Volodymyr Zelensky"])
        #expect(index.entry(named: "Nobody Quiet") == nil)
    }

    @Test("the plain-text index groups statements by article")
    func listing() {
        let index = SpeakerIndex(articles: [Self.outletA, Self.outletB])
        let text = SpeakerIndexListing.render(index, names: ["a.html", "b.txt"])
        #expect(text.contains("""
            Konstantin Kosachev — 3 statements in 2 articles
              also: Kosachev
              [1] a.html
                  • “It is a show.”
                  • “An unprepared meeting is worse than none.”
              [2] b.txt
                  • “He should be afraid of this meeting.”

            """), "\(text)")
        #expect(text.hasPrefix("Speaker index — 2 articles, 5 speakers\n\n[1] a.html — Summit off\n[2] b.txt — Kremlin rejects talks\n"), "\(text)")
    }

    /// Many articles are compared by distinct name, so the same people in every article
    /// merge as they do in two (the old pairwise scan took minutes at 20,000 articles;
    /// bench/stress times it).
    @Test("thousands of articles: the same people merge, a bare surname shared by many stays apart")
    func manyArticles() {
        let n = 2000
        var articles: [Article] = []
        for i in 0..<n {
            articles.append(article("Story \(i)", [
                (name: "Helen Okafor", aliases: ["Okafor"], kind: .person, says: ["Option \(i)."]),
                (name: i % 2 == 0 ? "Okafor" : "Ms Okafor", aliases: [], kind: .person, says: ["More \(i)."]),
                (name: "Person\(i) Smith", aliases: [], kind: .person, says: ["Smith \(i)."]),
                (name: "Smith", aliases: [], kind: .person, says: ["Bare \(i)."]),
            ]))
        }
        let index = SpeakerIndex(articles: articles)
        let okafor = index.entry(named: "Helen Okafor")
        #expect(okafor?.appearances.count == n)
        #expect(okafor?.statementCount == 2 * n)
        // "Smith" fits 2,000 fuller names: not merged with any of them.
        let smith = index.entries.first { $0.name == "Smith" }
        #expect(smith?.statementCount == n)
        #expect(index.entries.count == 1 + 1 + n, "\(index.entries.count) entries")
    }
}
