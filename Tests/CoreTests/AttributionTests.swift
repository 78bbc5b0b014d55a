import Testing
@testable import Core

@Suite("Attribution patterns")
struct AttributionTests {
    /// (case name, text, fragment of the quotation, expected speaker)
    static let patterns: [(String, String, String, String?)] = [
        ("Q, X said", "“The bridge is safe,” Maria Lopez said.", "bridge is safe", "Maria Lopez"),
        ("Q, said X", "“The bridge is safe,” said Maria Lopez.", "bridge is safe", "Maria Lopez"),
        ("X said, Q", "Maria Lopez said, “The bridge is safe.”", "bridge is safe", "Maria Lopez"),
        ("X said: Q", "Maria Lopez said: “The bridge is safe.”", "bridge is safe", "Maria Lopez"),
        ("X: Q", "Maria Lopez: “The bridge is safe.”", "bridge is safe", "Maria Lopez"),
        ("Q, X, role, said", "“The bridge is safe,” Maria Lopez, the city engineer, said.", "bridge is safe", "Maria Lopez"),
        ("X, role, said Q", "Maria Lopez, the city engineer, said the bridge was “perfectly safe” for now.", "perfectly safe", "Maria Lopez"),
        ("title before the name", "“The bridge is safe,” said Senator Maria Lopez.", "bridge is safe", "Maria Lopez"),
        ("a parenthesis before the verb", "“The bridge is safe,” Rep. Maria Lopez (D-Ore.) said.", "bridge is safe", "Maria Lopez"),
        ("partial quote with a characterising verb", "Tom Berg called the plan “a fantasy” on Monday.", "a fantasy", "Tom Berg"),
        ("dismissed … as", "Tom Berg dismissed the plan as a “cheap trick” by rivals.", "cheap trick", "Tom Berg"),
        ("accused … of", "Tom Berg accused the mayor of “lying to voters” about costs.", "lying to voters", "Tom Berg"),
        ("according to X", "“The bridge is safe,” according to Maria Lopez.", "bridge is safe", "Maria Lopez"),
        ("That was the promise from X", "“We will fix it by May.” That was the promise from Maria Lopez.", "fix it by May", "Maria Lopez"),
        ("a dash byline", "“We will fix it by May.” ― Maria Lopez", "fix it by May", "Maria Lopez"),
        ("an organisation in a statement", "“We regret the delay,” the company said in a statement.", "regret the delay", "the company"),
        ("an anonymous official", "“Nobody saw it coming,” one official said.", "Nobody saw it", "one official"),
        ("a passive with an agent", "“Keep walking” was written by Maria Lopez in 1999.", "Keep walking", "Maria Lopez"),
    ]

    @Test("each pattern credits the right speaker", arguments: patterns)
    func pattern(name: String, text: String, fragment: String, expected: String?) {
        let a = parse(text)
        #expect(speaker(of: fragment, in: a) == expected, "\(name): \(ArticleOutline.render(a))")
    }

    @Test("pronouns resolve to the nearest fitting person outside quotations")
    func pronouns() {
        let a = parse("""
            Ana Ruiz, the harbour master, met Paul Weber on Monday. She was blunt.

            “The pier is finished,” she said. “Nobody can save it,” he replied.
            """)
        #expect(speaker(of: "pier is finished", in: a) == "Ana Ruiz")
        #expect(speaker(of: "Nobody can save", in: a) == "Paul Weber")
    }

    @Test("the sentence's subject wins over a nearer name in the same sentence")
    func subjectOverNearest() {
        let a = parse("""
            Ana Ruiz told the reporter that she had spoken to Paul Weber. “It is over,” she said.
            """)
        #expect(speaker(of: "It is over", in: a) == "Ana Ruiz")
    }

    @Test("a quote-only sentence continues the last speaker")
    func continuation() {
        let a = parse("“The pier is finished,” said Ana Ruiz. “Nobody can save it.”\n\n“Not even the council.”")
        #expect(speaker(of: "Nobody can save", in: a) == "Ana Ruiz")
        #expect(speaker(of: "Not even the council", in: a) == "Ana Ruiz")
        let q = a.quotations.first { ArticleJSON.text(of: $0, in: a).contains("Nobody") }!
        #expect(q.attribution.rule == .continuation)
    }

    @Test("a paragraph introduced by “X wrote:” belongs to X")
    func introducedBy() {
        let a = parse("In a letter to the board, Ana Ruiz wrote:\n\n“The pier cannot be saved at any reasonable price.”")
        #expect(speaker(of: "cannot be saved", in: a) == "Ana Ruiz")
        let q = a.quotations.first { $0.kind == .direct }!
        #expect(q.attribution.rule == .introducedBy)
    }

    @Test("names inside a quotation never become its speaker")
    func namesInsideQuotes() {
        let a = parse("Ana Ruiz spoke first. “Paul Weber said it would work,” she added.")
        #expect(speaker(of: "Paul Weber said", in: a) == "Ana Ruiz")
    }

    @Test("two people with one surname stay two")
    func sameSurname() {
        let a = parse("""
            “We are ready,” said Hannah Berg. “We are not,” said Oskar Berg, her brother.
            """)
        #expect(speaker(of: "We are ready", in: a) == "Hannah Berg")
        #expect(speaker(of: "We are not", in: a) == "Oskar Berg")
        #expect(a.speakers.count == 2)
    }

    @Test("surname, title and role aliases join the full name")
    func aliases() {
        let a = parse("""
            Minister Clara Voss opened the session.

            “We will act,” Voss said. “Soon,” Ms Voss added. “Very soon,” the minister said.
            """)
        #expect(a.speakers.count == 1)
        let s = a.speakers[0]
        #expect(s.name == "Clara Voss")
        #expect(s.roles.contains("Minister"))
        #expect(s.aliases.contains("Voss"))
        #expect(s.aliases.contains("the minister"))
        #expect(s.statements.count == 3)
    }

    @Test("roles come from titles before a name and appositives after it")
    func roles() {
        let a = parse("""
            Vice Mayor Lena Holt criticised the plan. Jonas Berg, deputy head of the Transit Board, agreed.

            “It is too late,” Holt said. “It is,” Berg said.
            """)
        let holt = a.speakers.first { $0.name == "Lena Holt" }
        let berg = a.speakers.first { $0.name == "Jonas Berg" }
        #expect(holt?.roles == ["Vice Mayor"])
        #expect(berg?.roles == ["deputy head of the Transit Board"])
        #expect(berg?.organization == "Transit Board")
    }

    @Test("an unattributed quotation has no speaker and says so")
    func unattributed() {
        let a = parse("The report was published on Monday.\n\n“Every pier needs care.”")
        let q = a.quotations.first { $0.kind.isStatement }
        #expect(q?.speaker == nil)
        #expect(q?.attribution.rule == .unattributed)
    }
}

@Suite("Kinds of quotation")
struct KindTests {
    @Test("kinds are told apart", arguments: [
        ("a full quoted sentence is direct", "“The pier will close in June,” said Ana Ruiz.", "The pier will close", QuotationKind.direct),
        ("a fragment woven in is partial", "Ana Ruiz called the decision “painful but unavoidable” on Monday.", "painful but unavoidable", .partial),
        ("the so-called … is a scare quote", "The so-called “rescue plan” was never costed.", "rescue plan", .scare),
        ("a quoted name of a report is a title", "The council published the report “Tides of Change” last week.", "Tides of Change", .title),
        ("a title-case name is a title", "She appeared on Channel Nine’s “Morning Harbour” show.", "Morning Harbour", .title),
        ("a lone quoted word without a cue is a scare quote", "The islands are a “gateway” for tourists.", "gateway", .scare),
    ])
    func kinds(name: String, text: String, fragment: String, kind: QuotationKind) {
        let a = parse(text)
        let q = a.quotations.first { ArticleJSON.text(of: $0, in: a).contains(fragment) }
        #expect(q?.kind == kind, "\(name)")
    }

    @Test("scare quotes and titles have no speaker")
    func notStatements() {
        let a = parse("Ana Ruiz said the so-called “rescue plan” was dead.")
        let q = a.quotations.first { $0.kind == .scare }
        #expect(q != nil)
        #expect(q?.speaker == nil)
    }
}

@Suite("Reported speech")
struct ReportedSpeechTests {
    @Test("reported clauses are statements of their speaker", arguments: [
        ("X said the clause", "Ana Ruiz said the talks had stalled over money.", "the talks had stalled over money", "Ana Ruiz"),
        ("X said that the clause", "Ana Ruiz said on Monday that the talks had stalled over money.", "the talks had stalled over money", "Ana Ruiz"),
        ("insisting … that", "Ana Ruiz left early, insisting on live radio that this is not how talks are arranged.", "this is not how talks are arranged", "Ana Ruiz"),
        ("according to X, clause", "According to Ana Ruiz, the talks had stalled over money.", "the talks had stalled over money", "Ana Ruiz"),
        ("clause, according to X", "The talks had stalled over money, according to Ana Ruiz.", "The talks had stalled over money", "Ana Ruiz"),
        ("clause, X said", "The talks had stalled over money, Ana Ruiz said.", "The talks had stalled over money", "Ana Ruiz"),
        ("told someone that", "Ana Ruiz told reporters that the talks had stalled over money.", "the talks had stalled over money", "Ana Ruiz"),
        ("a description then a name in apposition", "A lawyer for the union, Ana Ruiz, said no decision had been made about an appeal.", "no decision had been made about an appeal", "Ana Ruiz"),
        ("a relative clause subject", "The talks were led by the union, which warned that a strike could follow within days.", "a strike could follow within days", "the union"),
        ("a coordinated verb", "Ana Ruiz agreed, but also insisted that the pier must stay open to fishermen.", "the pier must stay open to fishermen", "Ana Ruiz"),
        ("a wh-clause", "Ana Ruiz questioned whether the council had read the engineers' report at all.", "whether the council had read the engineers' report at all", "Ana Ruiz"),
        ("an infinitive", "Ana Ruiz vowed to reopen the pier before the summer season.", "to reopen the pier before the summer season", "Ana Ruiz"),
        ("an auxiliary and a month before the verb", "Governor Ana Ruiz had in March said that the pier would reopen before the summer.", "the pier would reopen before the summer", "Ana Ruiz"),
        ("a dateline with its country before ', saying'", "LUSAKA, Zambia - Governor Ana Ruiz defended the levy, saying the pier would reopen before the summer.", "the pier would reopen before the summer", "Ana Ruiz"),
    ])
    func reported(name: String, text: String, clause: String, speaker expected: String) {
        let a = parse(text)
        let q = a.quotations.first { $0.kind == .indirect }
        #expect(q.map { a.string($0.range) } == clause, "\(name)")
        #expect(q?.speaker.map { a.speakers[$0].name } == expected, "\(name)")
    }

    @Test("a participle right after a name that opens the sentence (once an out-of-range read)")
    func participleAtStart() {
        let a = parse("Ana Ruiz saying that the pier must close surprised nobody.")
        let q = a.quotations.first { $0.kind == .indirect }
        #expect(q?.speaker.map { a.speakers[$0].name } == "Ana Ruiz")
    }

    @Test("a cue in the middle of the clause keeps both halves")
    func splitClause() {
        let a = parse("To understand the harbour, Ana Ruiz said, one should walk the old pier at dawn.")
        let q = a.quotations.first { $0.kind == .indirect }
        #expect(q?.segments.map { a.string($0) } == ["To understand the harbour", "one should walk the old pier at dawn"])
        #expect(q?.speaker.map { a.speakers[$0].name } == "Ana Ruiz")
    }

    @Test("a cue whose words are quoted is not reported speech too")
    func quotedNotIndirect() {
        let a = parse("“The talks have stalled,” Ana Ruiz said.")
        #expect(!a.quotations.contains { $0.kind == .indirect })
    }

    @Test("a denied or withheld cue reports nothing", arguments: [
        "Ana Ruiz left early, without acknowledging that the plan had come from her own office.",
        "Ana Ruiz did not say that the pier would close next year.",
        "Ana Ruiz declined to say whether the pier would close next year.",
        "Ana Ruiz never claimed that the pier would close next year.",
    ])
    func negated(text: String) {
        let a = parse(text)
        #expect(!a.quotations.contains { $0.kind == .indirect }, "\(statements(a))")
    }

    @Test("too short a clause is not reported speech", arguments: ["Ana Ruiz said no.", "Ana Ruiz said it twice."])
    func short(text: String) {
        let a = parse(text)
        #expect(!a.quotations.contains { $0.kind == .indirect })
    }
}

@Suite("The whole model")
struct OutlineTests {
    @Test("a short article parses to the expected outline")
    func outline() {
        let a = ArticleParser.parse("""
            Pier to Close

            Mayor Helen Okafor called the decision “painful but unavoidable,” telling reporters that repairs would cost too much. “We looked at every option,” she said.

            “Nobody asked us,” said Amira Haddad, a nurse.
            """)
        expectOutline(a, """
            title "Pier to Close"
            partial "painful but unavoidable," ← Helen Okafor [speech-verb "called"]
            indirect "repairs would cost too much" ← Helen Okafor [reported-speech "telling"]
            direct "We looked at every option," ← Helen Okafor [pronoun "she said"]
            direct "Nobody asked us," ← Amira Haddad [speech-verb "said"]
            speaker Helen Okafor (person) roles: Mayor
            speaker Amira Haddad (person) roles: a nurse
            """)
    }

    @Test("JSON output is one document with the contract's fields")
    func json() {
        let a = parse("“We looked at every option,” said Helen Okafor.")
        let json = ArticleJSON.render(a)
        #expect(json.hasPrefix("{\"schemaVersion\": 1, \"title\": \"Test Article\""))
        #expect(json.contains("\"speakers\": [{\"id\": \"s1\", \"name\": \"Helen Okafor\""))
        #expect(json.contains("\"kind\": \"direct\", \"speaker\": \"s1\""))
        #expect(!json.contains("\n"))
    }

    @Test("control characters are escaped in JSON")
    func jsonEscapes() {
        let a = parse("“Bell \u{07} and escape \u{1B}[31m,” said Helen Okafor.")
        let json = ArticleJSON.render(a)
        #expect(json.contains("\\u0007"))
        #expect(json.contains("\\u001b"))
    }
}
