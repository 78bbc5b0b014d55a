import Testing
@testable import Core

/// Each quote → speaker sieve, with the rule it reports, and rows where it must not fire.
@Suite("Attribution sieves")
struct SieveTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var fragment: String
        var speaker: String?
        var rule: AttributionRule
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a speech verb names the speaker", text: "“The pier is finished,” Helen Okafor said.",
             fragment: "pier is finished", speaker: "Helen Okafor", rule: .speechVerb),
        Case(name: "a pronoun cue goes to the person before it", text: "Leo Marsh stood by the gate. “Nobody asked us,” he said.",
             fragment: "Nobody asked", speaker: "Leo Marsh", rule: .pronoun),
        Case(name: "she never goes to a man named with Mr.", text: "Mr. Tom Reed runs the bakery. “We threw it all away,” she said.",
             fragment: "threw it all", speaker: nil, rule: .unattributed),
        Case(name: "a name and a colon", text: "Helen Okafor: “The pier is finished.”",
             fragment: "pier is finished", speaker: "Helen Okafor", rule: .colon),
        Case(name: "a dash byline is its own rule", text: "“Best pier in the county.” — Sonya Herridge",
             fragment: "Best pier", speaker: "Sonya Herridge", rule: .dash),
        Case(name: "according to", text: "“The pier is finished,” according to Helen Okafor.",
             fragment: "pier is finished", speaker: "Helen Okafor", rule: .according),
        Case(name: "X said: introduces the next paragraph", text: "Helen Okafor said:\n\n“The pier is finished.”",
             fragment: "pier is finished", speaker: "Helen Okafor", rule: .introducedBy),
        Case(name: "a quote-only paragraph continues the last speaker", text: "“The pier is finished,” Helen Okafor said.\n\n“Nobody can save it.”",
             fragment: "Nobody can save", speaker: "Helen Okafor", rule: .continuation),
        Case(name: "a colon after words that name nobody continues", text: "“The pier is finished,” Helen Okafor said. Then, after a pause: “We will not give up.”",
             fragment: "not give up", speaker: "Helen Okafor", rule: .continuation),
        Case(name: "the next sentence names the source", text: "“We will fix it by May.” That was the promise from Helen Okafor.",
             fragment: "fix it by May", speaker: "Helen Okafor", rule: .retrospective),
        Case(name: "a quote-only sentence takes the next speaker of its paragraph", text: "“First we vote.” “Then we build,” Helen Okafor said.",
             fragment: "First we vote", speaker: "Helen Okafor", rule: .backwardFill),
        Case(name: "the cue after a quotation over two paragraphs",
             text: "“We were not at our best. We changed our shape at the break.\n\n“After that we deserved the win,” coach Ben Ford said.",
             fragment: "not at our best", speaker: "Ben Ford", rule: .speechVerb),
        Case(name: "a question closing a quotation keeps its attribution", text: "“Can we win the port?” Mr. Ivo Petrov asked. “I think so.”",
             fragment: "win the port", speaker: "Ivo Petrov", rule: .speechVerb),
        Case(name: "a quote-only paragraph after a paragraph about its speaker", text: "Nadia Valastro praised the mayor's plan on Monday.\n\n“We need someone who gets things done.”",
             fragment: "gets things done", speaker: "Nadia Valastro", rule: .previousSubject),
        Case(name: "no previous subject when someone spoke just before", text: "“The pier is finished,” Helen Okafor said. Nadia Valastro praised her.\n\n“We need her.”",
             fragment: "We need her", speaker: "Helen Okafor", rule: .continuation),
        Case(name: "a quotation in someone's reported clause is their report", text: "Dan Ross said Anna Berg had told the council that there would be “no daylight” between them.",
             fragment: "no daylight", speaker: "Dan Ross", rule: .speechVerb),
        Case(name: "a paragraph ending with a colon introduces the quotation", text: "Mayor Helen Okafor released the following statement:\n\n“We mourn with the families.”",
             fragment: "We mourn", speaker: "Helen Okafor", rule: .introducedBy),
        Case(name: "a city in apposition is never the speaker", text: "Carl Johnson, a salesman from Sumter, South Carolina, says the campaign will “leave here with momentum.”",
             fragment: "leave here", speaker: "Carl Johnson", rule: .speechVerb),
        Case(name: "a place between the person and the verb", text: "Stacy Baker of Columbia, South Carolina says she thinks the team can win if it keeps “doing what it does.”",
             fragment: "doing what", speaker: "Stacy Baker", rule: .speechVerb),
        Case(name: "a photo credit is never a pronoun's antecedent", text: "Crews reached the town on Friday.\n\n(Photo: Mark Evans/AAP)\n\n“I have never seen anything like it,” he said.",
             fragment: "never seen anything", speaker: nil, rule: .unattributed),
        Case(name: "a byline is never a pronoun's antecedent", text: "By Sarah Lim\n\nCrews reached the town on Friday. “It is the worst flood in years,” she said.",
             fragment: "worst flood", speaker: nil, rule: .unattributed),
        Case(name: "an organisation named with 'of'", text: "The Bureau of Meteorology said rivers would peak on Sunday, calling the flood “historic”.",
             fragment: "historic", speaker: "the Bureau of Meteorology", rule: .speechVerb),
        Case(name: "it stands for a body", text: "The Harbour Authority issued new rules on Monday. “The dock is closed until further notice,” it said.",
             fragment: "dock is closed", speaker: "the Harbour Authority", rule: .pronoun),
        Case(name: "it never stands for a person", text: "Helen Okafor left the meeting early. “The dock is closed until further notice,” it said.",
             fragment: "dock is closed", speaker: nil, rule: .unattributed),
        Case(name: "complaining about a topic reports it", text: "Helen Okafor complained about the long delays at the ferry terminal on Monday.",
             fragment: "long delays", speaker: "Helen Okafor", rule: .reportedSpeech),
        Case(name: "a clause after a crossed phrase, without that", text: "Helen Okafor said after the vote she would ask the court to review the decision.",
             fragment: "she would ask the court", speaker: "Helen Okafor", rule: .reportedSpeech),
        Case(name: "a wh-clause after a time phrase", text: "Helen Okafor told the council on Thursday how surprised she is that the pier still stands.",
             fragment: "how surprised she is", speaker: "Helen Okafor", rule: .reportedSpeech),
        Case(name: "a sentence adverb is never a speaker", text: "Eventually, the “so-called experts” arrived.",
             fragment: "so-called experts", speaker: nil, rule: .notAStatement),
        Case(name: "a title repeated is never a statement", text: "The film “Winds of Change” opened last week. Critics loved “Winds of Change.”",
             fragment: "Winds of Change.", speaker: nil, rule: .notAStatement),
    ]

    @Test("each sieve credits the speaker and names its rule", arguments: cases)
    func sieve(_ c: Case) {
        let a = parse(c.text)
        guard let q = a.quotations.first(where: { ArticleJSON.text(of: $0, in: a).contains(c.fragment) }) else {
            Issue.record("no quotation holds \(c.fragment): \(ArticleOutline.render(a))")
            return
        }
        #expect(q.speaker.map { a.speakers[$0].name } == c.speaker, "\(ArticleOutline.render(a))")
        #expect(q.attribution.rule == c.rule, "\(ArticleOutline.render(a))")
    }

    @Test("the sieves run in one visible order")
    func order() {
        #expect(QuoteSieves.ordered.map(\.rule) == [.speechVerb, .colon, .dash, .introducedBy, .continuation, .previousSubject, .sentenceSubject])
    }
}

/// Descriptions and role phrases belong to the person or body the text named.
@Suite("Descriptions linked to names")
struct DescriptionLinkTests {
    static let cases: [(String, String, String, String, String?)] = [
        ("a role given before: the prime minister", "Prime Minister Anna Berg opened the line. “Fares will fall,” the prime minister said.",
         "Fares will fall", "Anna Berg", nil),
        ("an age description: the 64-year-old", "Leo Marsh, a retired welder, has lived here for years. “Nobody asked us,” the 64-year-old said.",
         "Nobody asked", "Leo Marsh", "a retired welder"),
        ("the company after a company name", "Northwind Energy reported higher profits. “Demand is strong,” the company noted.",
         "Demand is strong", "Northwind Energy", nil),
        ("a spokesman for a body, then the name", "A spokesman for Brightwater, Ken Adler, said the firm “will appeal.”",
         "will appeal", "Ken Adler", "spokesman"),
        ("a role phrase before a name", "Council member Ivo Petrov disagreed. “The dock is fine,” he said.",
         "dock is fine", "Ivo Petrov", "Council member"),
        ("an occupation in apposition", "Dr. Mia Holt, an engineer at the port authority, said: “The dock is unsafe.”",
         "dock is unsafe", "Mia Holt", "engineer at the port authority"),
        ("an inverted description with its name", "“The water came up to here,” said a fisherman, Paul Grant.",
         "water came up", "Paul Grant", "fisherman"),
        ("an age between the name and the role", "Tom Price, 45, a teacher who has used the library for years, said: “It is a disgrace.”",
         "a disgrace", "Tom Price", "a teacher"),
        ("the father of two", "Tom Price spoke outside the library. “We will not give up,” the father of two said.",
         "not give up", "Tom Price", nil),
        ("an inner word of a long name", "Brazilian President Luiz Inácio Lula da Silva arrived on Friday. “We want a fair partnership,” Lula told reporters.",
         "fair partnership", "Luiz Inácio Lula da Silva", "Brazilian President"),
        ("a plain word before a role noun belongs to the role", "Union leader Grace Mwangi met transport minister Peter Otieno on Thursday. “The offer is final,” he said.",
         "offer is final", "Peter Otieno", "transport minister"),
        ("a statement speaks for the body that issued it", "A statement from the Harbour Authority said repairs “will take weeks.”",
         "will take weeks", "the Harbour Authority", nil),
        ("an inverted speaker with an age before the role", "“I will believe it when I see the diggers,” said Alan Booth, 71, a retired plumber.",
         "see the diggers", "Alan Booth", "a retired plumber"),
        ("a description, then a name with its organisation", "Another pollster, Rita Vance of Harlow College, said the mayor’s lead was “holding steady.”",
         "holding steady", "Rita Vance", "Another pollster"),
        ("a role ending in a body, then that body's own apposition", "Omar Haddad, chief engineer of Lumen Rail, a freight company, said the bridge “will not reopen this year.”",
         "will not reopen", "Omar Haddad", "chief engineer of Lumen Rail"),
        ("a party and state tag between the name and the role", "Sen. Lena Park, R-S.C., a candidate for the seat, said the plan “will not survive the winter.”",
         "will not survive", "Lena Park", "a candidate for the seat"),
        ("a party and state tag alone after the name", "Committee Chairman Rep. Omar Haddad, R-Utah, said the hearing “will start with the director.”",
         "will start with", "Omar Haddad", nil),
        ("a role ending in a body, then a relative clause about the body", "Ines Moro, director of Harbour Watch, which organised the petition, said: “They ignored every letter.”",
         "ignored every letter", "Ines Moro", "director of Harbour Watch"),
    ]

    @Test("a bare role in the headline is the person the body gave that role")
    func headlineRole() {
        let a = parse("Transport Minister Ana Ruiz said on Monday that the pier would reopen in May. “The repairs are done,” she said.",
                      title: "Pier to reopen in May, says minister")
        #expect(speaker(of: "Pier to reopen", in: a) == "Ana Ruiz", "\(ArticleOutline.render(a))")
        #expect(!a.speakers.contains { $0.name == "minister" }, "\(ArticleOutline.render(a))")
    }

    @Test("the organisation in a role keeps 'of' and 'for' inside its name and stops at a comma or a possessive", arguments: [
        ("a senior fellow at the Institute of Policy Studies", "Institute of Policy Studies"),
        ("a lecturer at the University of Cape Town", "University of Cape Town"),
        ("deputy chairman of the Federation Council’s International Affairs Committee", "Federation Council"),
        ("head of Apple, the phone maker", "Apple"),
        ("spokesman for Brightwater", "Brightwater"),
    ] as [(String, String)])
    func organizationInRole(role: String, expected: String) {
        #expect(SpeakerRegistry.organization(inRole: role) == expected)
    }

    @Test("a role without an organisation names none", arguments: ["a retired plumber", "a teacher from Leeds", "head of the family"])
    func noOrganization(role: String) {
        #expect(SpeakerRegistry.organization(inRole: role) == nil)
    }

    @Test("a headline naming only a title is the person the body gave that title")
    func headlineTitle() {
        let a = parse("Premier Ruth Callaghan said on Wednesday that the dam would go ahead.", title: "Premier: “We will not back down”")
        #expect(speaker(of: "not back down", in: a) == "Ruth Callaghan", "\(ArticleOutline.render(a))")
    }

    @Test("a description in the lead, before the name, is the person named with that role soon after")
    func leadDescription() {
        let a = parse("The harbour premier has rejected calls to pause the dam, saying the project was essential for the town.\n\n"
                      + "Premier Ruth Callaghan said on Wednesday that work would go on.")
        #expect(speaker(of: "the project was essential", in: a) == "Ruth Callaghan", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Ruth Callaghan" }?.aliases.contains("the harbour premier") == true,
                "\(a.speakers.map(\.aliases))")
    }

    @Test("a description in the lead stays itself when two people hold the role")
    func leadDescriptionAmbiguous() {
        let a = parse("The harbour premier has rejected calls to pause the dam, saying the project was essential for the town.\n\n"
                      + "Premier Ruth Callaghan said on Wednesday that work would go on. Former premier Tom Ward said it would not.")
        #expect(speaker(of: "the project was essential", in: a) != "Ruth Callaghan", "\(ArticleOutline.render(a))")
    }

    @Test("an age in apposition is no role")
    func ageIsNoRole() {
        let a = parse("“It is going to cost us the best paddocks,” grazier Bill Hutchins, 58, said.")
        let s = a.speakers.first { $0.name == "Bill Hutchins" }
        #expect(s != nil && !(s!.roles.contains("58")), "\(a.speakers.map(\.roles))")
        #expect(s?.roles.contains("grazier") == true, "\(a.speakers.map(\.roles))")
    }

    @Test("parliamentary titles split off as roles", arguments: [
        ("Sinn Féin TD Pearse Doherty accused the Government of “running scared”.", "Pearse Doherty", "Sinn Féin TD"),
        ("Labour MP Ana Ruiz called the plan “a disgrace”.", "Ana Ruiz", "Labour MP"),
    ] as [(String, String, String)])
    func parliamentaryTitles(text: String, name: String, role: String) {
        let a = parse(text)
        #expect(a.speakers.first { $0.name == name }?.roles == [role], "\(ArticleOutline.render(a))")
    }

    @Test("roles given in a parenthesis, after 'who is', and by 'X is the …'", arguments: [
        ("Tom Reed (deputy mayor) said the vote was fair.", "Tom Reed", "deputy mayor"),
        ("Anna Berg, who is deputy speaker of the council, said the vote would go ahead.", "Anna Berg", "deputy speaker of the council"),
        ("Lena Park is the chief engineer of the port. “The dock is safe,” she said.", "Lena Park", "the chief engineer of the port"),
        ("Huma Dale was a top adviser to the mayor and later worked at the bank. “It was hard,” she said.", "Huma Dale", "a top adviser to the mayor"),
    ] as [(String, String, String)])
    func givenRoles(text: String, name: String, role: String) {
        let a = parse(text)
        #expect(a.speakers.first { $0.name == name }?.roles == [role], "\(a.speakers.map(\.roles))")
    }

    @Test("'X is' with no role after it gives none", arguments: [
        "Lena Park is widening her lead over the delegates in the port. “The dock is safe,” she said.",
        "Lena Park is certain the council will agree. “The dock is safe,” she said.",
    ])
    func noPredicateRole(text: String) {
        let a = parse(text)
        #expect(a.speakers.first { $0.name == "Lena Park" }?.roles == [], "\(a.speakers.map(\.roles))")
    }

    @Test("a bare role in the headline that nobody in the body holds stays a description")
    func headlineRoleUnknown() {
        let a = parse("Ana Ruiz, a fisherman's daughter, said on Monday that the pier would reopen in May.",
                      title: "Pier to reopen in May, says minister")
        #expect(speaker(of: "Pier to reopen", in: a) != "Ana Ruiz", "\(ArticleOutline.render(a))")
    }

    @Test("the description is an alias of the named speaker", arguments: cases)
    func link(name: String, text: String, fragment: String, expected: String, role: String?) {
        let a = parse(text)
        #expect(speaker(of: fragment, in: a) == expected, "\(name): \(ArticleOutline.render(a))")
        if let role, let s = a.speakers.first(where: { $0.name == expected }) {
            #expect(s.roles.contains { $0.contains(role) }, "\(name): roles \(s.roles)")
        }
    }
}

/// Reported speech only where somebody said something.
@Suite("Reported speech classifier")
struct ReportedClauseClassifierTests {
    @Test("an inference participle with a noun phrase is the writer's reading")
    func inference() {
        let a = parse("Andrei Volkov vaguely admitted that the talks were still possible, suggesting confusion within the ministry.")
        #expect(!statements(a).contains { $0.contains("confusion") }, "\(statements(a))")
        #expect(statements(a).contains { $0.hasPrefix("indirect the talks were still possible") }, "\(statements(a))")
    }

    @Test("an inference participle with a clause is reported speech")
    func inferenceClause() {
        let a = parse("Andrei Volkov spoke on Monday, suggesting that the talks would resume in spring.")
        #expect(statements(a).contains { $0.contains("the talks would resume in spring ← Andrei Volkov") }, "\(statements(a))")
    }

    /// (what the row shows, the text, a statement the parse must hold as "kind text ← speaker").
    static let statementRows: [(String, String, String)] = [
        ("a dateline with a colon is not part of the clause",
         "NEW DELHI: The state will build 500 schools by 2030, Ana Ruiz announced on Monday.",
         "indirect The state will build 500 schools by 2030 ← Ana Ruiz"),
        ("a dateline with a dash", "LONDON — The state will build 500 schools by 2030, Ana Ruiz announced on Monday.",
         "indirect The state will build 500 schools by 2030 ← Ana Ruiz"),
        ("a dateline with an agency", "WASHINGTON (Wire) - The state will build 500 schools by 2030, Ana Ruiz announced on Monday.",
         "indirect The state will build 500 schools by 2030 ← Ana Ruiz"),
        ("capitals that are no dateline stay in the clause", "NATO troops will stay until 2030, Ana Ruiz announced on Monday.",
         "indirect NATO troops will stay until 2030 ← Ana Ruiz"),
        ("a place between the object of 'told' and 'that'",
         "Dan Marokane told a news conference in Johannesburg that two units would return by May.",
         "indirect two units would return by May ← Dan Marokane"),
        ("a time between the object of 'told' and 'that'", "Dan Marokane told a briefing on Friday that two units would return by May.",
         "indirect two units would return by May ← Dan Marokane"),
        ("a place after 'told reporters'", "Dan Marokane told reporters in Johannesburg that two units would return by May.",
         "indirect two units would return by May ← Dan Marokane"),
        ("the second half of a quotation split by its cue is direct",
         "“We will not back down,” Ruth Callaghan told the radio on Wednesday, “and we will not apologise for planning ahead.”",
         "direct and we will not apologise for planning ahead. ← Ruth Callaghan"),
    ]

    @Test("reported clauses and kinds of the shapes of news from other countries", arguments: statementRows)
    func statementShapes(name: String, text: String, expected: String) {
        let a = parse(text)
        #expect(statements(a).contains { $0.hasPrefix(expected) }, "\(name): \(statements(a))")
    }

    @Test("a participle and its occasion before 'X said' are not what was said")
    func participleOccasion() {
        let a = parse("Speaking in Dublin on Saturday, Micheál Martin said the voters wanted stability above all.")
        #expect(!statements(a).contains { $0.contains("Speaking in Dublin") }, "\(statements(a))")
        #expect(statements(a).contains { $0.hasPrefix("indirect the voters wanted stability above all ← Micheál Martin") }, "\(statements(a))")
    }

    @Test("noun-like cues inside names report nothing", arguments: [
        "Officials said the United States should reduce its patrols near the coast.",
        "Fighters of the Islamic State group attacked the town again on Friday.",
        "A police report indicates that the driver had been drinking.",
    ])
    func nounCues(text: String) {
        let a = parse(text)
        #expect(!a.quotations.contains { $0.attribution.cue.map { ["states", "state", "report"].contains($0.text.lowercased()) } ?? false },
                "\(statements(a))")
    }
}

/// Invisible format characters (bidi controls, joiners) never cut a name short.
@Suite("Names with invisible format characters")
struct InvisibleFormatNameTests {
    @Test("a bidi isolate or override inside or around a name keeps the whole name", arguments: [
        "“The pier is finished,” said Helen \u{2067}Okafor\u{2069} on Monday.",
        "“The pier is finished,” said Hel\u{202E}en Okafor on Monday.",
        "“The pier is finished,” said Helen Oka\u{200D}for on Monday.",
    ])
    func bidiInName(text: String) {
        let a = parse(text)
        let name = speaker(of: "pier is finished", in: a) ?? ""
        let visible = String(String.UnicodeScalarView(name.unicodeScalars.filter { !$0.isInvisibleFormat }))
        #expect(visible == "Helen Okafor", "\(ArticleOutline.render(a))")
    }
}
