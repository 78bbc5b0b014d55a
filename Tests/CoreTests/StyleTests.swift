import Testing
@testable import Core

/// Other publishers' styles: British single quotes, guillemets, colon-cued quotes,
/// organisations as speakers, two people with one surname.
@Suite("House styles")
struct StyleTests {
    @Test("British copy: single quotes, a description with the name in apposition, Ms + surname")
    func british() {
        let a = ArticleParser.parse("""
            Ministers Clash Over Rail Fares

            The transport secretary, Louise Haigh, defended the rise on Tuesday. ‘Nobody wants higher fares, but the network has to be paid for,’ she told the Commons.

            ‘This is a tax on commuters,’ said Mark Harper, the shadow transport secretary. ‘Passengers will not forget it.’

            A spokesman for the Department for Transport said: ‘We keep fares under review.’

            Ms Haigh later told reporters that the government would publish a review in the spring.
            """)
        #expect(speaker(of: "Nobody wants higher fares", in: a) == "Louise Haigh")
        #expect(speaker(of: "tax on commuters", in: a) == "Mark Harper")
        #expect(speaker(of: "Passengers will not forget", in: a) == "Mark Harper")
        #expect(speaker(of: "keep fares under review", in: a) == "a spokesman")
        #expect(speaker(of: "publish a review", in: a) == "Louise Haigh")
        let haigh = a.speakers.first { $0.name == "Louise Haigh" }
        #expect(haigh?.roles == ["the transport secretary"])   // "Ms" is courtesy, not a role
        #expect(a.speakers.first { $0.name == "a spokesman" }?.organization == "the Department for Transport")
    }

    @Test("Australian copy: a title-only headline, the lead's description before the name, a split quotation, an age")
    func australian() {
        let a = ArticleParser.parse("""
            Premier: ‘We will not back down on the dam’

            The Queensland Premier has rejected calls to pause construction of a dam, saying the project was essential for the state's water security.

            “We will not back down,” Premier Ruth Callaghan told ABC Radio Brisbane on Wednesday, “and we will not apologise for planning ahead.”

            “It's going to cost us the best paddocks we have,” grazier Bill Hutchins, 58, said.
            """)
        #expect(speaker(of: "back down on the dam", in: a) == "Ruth Callaghan", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "the project was essential", in: a) == "Ruth Callaghan", "\(ArticleOutline.render(a))")
        #expect(statements(a).contains { $0.hasPrefix("direct and we will not apologise") }, "\(statements(a))")
        #expect(a.speakers.first { $0.name == "Bill Hutchins" }?.roles == ["grazier"], "\(a.speakers.map(\.roles))")
    }

    @Test("wire copy: a dateline, 'told a briefing in X that', a description's organisation with 'of'")
    func wire() {
        let a = ArticleParser.parse("""
            Blackouts to ease by winter

            JOHANNESBURG - The power utility expects rolling blackouts to ease before winter, its chief executive Dan Marokane said on Friday.

            Marokane told a briefing in Johannesburg that two units at the Kusile plant would return to service by May.

            Tan Wei Ming, a senior fellow at the Institute of Policy Studies, said the timeline was ambitious.
            """)
        #expect(statements(a).contains { $0.hasPrefix("indirect The power utility expects rolling blackouts to ease before winter ← Dan Marokane") }, "\(statements(a))")
        #expect(statements(a).contains { $0.hasPrefix("indirect two units at the Kusile plant would return to service by May ← Dan Marokane") }, "\(statements(a))")
        #expect(a.speakers.first { $0.name == "Tan Wei Ming" }?.organization == "Institute of Policy Studies", "\(a.speakers.map(\.organization))")
    }

    @Test("French copy: guillemets with spaces, « … », a répondu X, selon X")
    func french() {
        let a = ArticleParser.parse("""
            Grève

            Le ministre des Transports, Clément Beaune, a déclaré mardi : « Nous ne céderons pas. »

            « C'est une provocation », a répondu Sophie Binet.

            Selon Laurent Berger, « le dialogue est rompu ».
            """)
        #expect(speaker(of: "Nous ne céderons pas", in: a) == "Clément Beaune")
        #expect(speaker(of: "une provocation", in: a) == "Sophie Binet")
        #expect(speaker(of: "le dialogue est rompu", in: a) == "Laurent Berger")
    }

    @Test("minutes with colon-cued quotes and two people with one surname")
    func colonAndSurnames() {
        let a = ArticleParser.parse("""
            Council Meeting Notes

            Councillor James Patel: "We cannot keep raising taxes."

            Councillor Anna Patel: "We cannot keep cutting services either."

            Anna Patel disagreed. "There is always a way," she said.

            The ministry said it would not intervene. "Local decisions belong to local councils," the ministry added.
            """)
        #expect(speaker(of: "raising taxes", in: a) == "James Patel")
        #expect(speaker(of: "cutting services", in: a) == "Anna Patel")
        #expect(speaker(of: "always a way", in: a) == "Anna Patel")
        #expect(speaker(of: "Local decisions", in: a) == "the ministry")
        #expect(a.speakers.first { $0.name == "the ministry" }?.kind == .organization)
        #expect(a.speakers.filter { $0.name.hasSuffix("Patel") }.count == 2)
    }

    @Test("East and West African copy: a dateline with its country, ', saying', a capitalised title after 'the', Alhaji, a role with its 'of' phrase")
    func african() {
        let a = ArticleParser.parse("""
            Levy defended in Nakuru

            NAIROBI, Kenya - President Amos Kirui has defended the housing levy, saying it will create jobs for young people.

            "We are building homes for nurses and teachers," the President said.

            The chairman of the Lakeside Traders Association, Alhaji Musa Bello, described the levy as a burden. "Every stall pays twice," Bello said.

            Federation of Small Farmers national manager Ruth Akinyi said the consultation had been rushed.
            """)
        #expect(speaker(of: "it will create jobs", in: a) == "Amos Kirui", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "building homes", in: a) == "Amos Kirui", "\(ArticleOutline.render(a))")
        #expect(!a.speakers.contains { $0.name.contains("NAIROBI") || $0.name == "President" || $0.name == "the President" })
        let bello = a.speakers.first { $0.name == "Musa Bello" }
        #expect(bello?.roles.contains("The chairman of the Lakeside Traders Association") == true
                    || bello?.roles.contains("the chairman of the Lakeside Traders Association") == true, "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "the consultation had been rushed", in: a) == "Ruth Akinyi", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Ruth Akinyi" }?.organization == "Federation of Small Farmers")
    }

    @Test("a capitalised title after 'the' with nobody named in that office stays a description")
    func capitalisedTitleUnnamed() {
        let a = parse("“The roads will be repaired,” the Minister said.")
        #expect(speaker(of: "roads will be repaired", in: a) == "the Minister", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "the Minister" }?.kind == .anonymous)
    }

    @Test("a surname of several words: the name without its first name is the same person")
    func multiWordSurnames() {
        let a = parse("""
            Agriculture Secretary Francisco Tiu Laurel Jr. defended the imports. “We did the math,” Tiu Laurel told senators.

            Mayor Bill de Vries opened the bridge. “It took ten years,” De Vries said.
            """)
        #expect(speaker(of: "We did the math", in: a) == "Francisco Tiu Laurel Jr.", "\(ArticleOutline.render(a))")
        #expect(!a.speakers.contains { $0.name == "Tiu Laurel" })
        #expect(speaker(of: "It took ten years", in: a) == "Bill de Vries", "\(ArticleOutline.render(a))")
    }

    @Test("titles with a portfolio: 'Minister of State for Manpower X', 'Member of Parliament X', before and after the cue")
    func portfolioTitles() {
        let a = parse("""
            Senior Minister of State for Transport Lim Wei Ling said the rules would change. Member of Parliament Ravi Nair asked whether fares would rise.

            “The rules protect riders,” said Minister for the Environment Grace Obi.
            """)
        #expect(a.speakers.first { $0.name == "Lim Wei Ling" }?.roles == ["Senior Minister of State for Transport"], "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(a.speakers.first { $0.name == "Ravi Nair" }?.roles == ["Member of Parliament"], "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "protect riders", in: a) == "Grace Obi", "\(ArticleOutline.render(a))")
        // A portfolio is not an organisation.
        #expect(a.speakers.allSatisfy { $0.organization == nil }, "\(a.speakers.map { ($0.name, $0.organization) })")
    }

    @Test("Malaysian and Canadian copy: 'Datuk Seri' is courtesy, two portfolios joined by 'and' before a title")
    func malaysianAndCanadian() {
        let a = parse("""
            Families will receive RM500 each in cash aid from next week, Prime Minister Datuk Seri Aminah Razak said today.

            Ontario will cap the number of permits issued to private colleges, Colleges and Universities Minister Joan Tremblay announced Tuesday.
            """)
        #expect(speaker(of: "Families will receive RM500", in: a) == "Aminah Razak", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Aminah Razak" }?.roles == ["Prime Minister"], "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "Ontario will cap", in: a) == "Joan Tremblay", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Joan Tremblay" }?.roles == ["Colleges and Universities Minister"], "\(a.speakers.map { ($0.name, $0.roles) })")
    }

    @Test("a portfolio word that is not after a title stays part of the name or the body")
    func portfolioNegative() {
        let a = parse("The State Department said on Friday that talks with the union would resume next week. Health Canada said the recall was voluntary.")
        #expect(speaker(of: "talks with the union would resume", in: a)?.hasSuffix("State Department") == true, "\(a.speakers.map(\.name))")
        #expect(a.speakers.contains { $0.name == "Health Canada" }, "\(a.speakers.map(\.name))")
    }

    @Test("Indian and Irish copy: a title-case dateline, a capitalised occupation before a name, an acronym in parentheses, 'and' inside a body's name, a spokesperson on a subject")
    func indianAndIrish() {
        let a = ArticleParser.parse("""
            Fares to rise

            New Delhi: Fares on the city's buses will rise by five rupees from June, the Capital Transport Corporation (CTC) said on Monday.

            Commuter Asha Verma, 34, said she would walk instead.

            CTC said the rise was the first in eight years.

            The Irish Teachers and Lecturers Union said the plan would hurt students. The party's spokesperson on transport, Ciara Doyle, said the rise was unfair.
            """)
        #expect(statements(a).contains { $0.hasPrefix("indirect Fares on the city's buses will rise by five rupees from June ←") }, "\(statements(a))")
        #expect(a.speakers.first { $0.name == "Asha Verma" }?.roles == ["Commuter"], "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "the first in eight years", in: a) == "the Capital Transport Corporation", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "hurt students", in: a)?.lowercased() == "the irish teachers and lecturers union", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "the rise was unfair", in: a) == "Ciara Doyle", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Ciara Doyle" }?.organization == nil)
    }

    @Test("'and' between two names without 'the' before them joins nothing; a colon after a name that is no place still cues its quotation")
    func andAndColonNegative() {
        let a = parse("""
            Britain and European Union officials met on Monday. Spain and Portugal said the talks had gone well.

            Kumar: “We will not give up.”
            """)
        #expect(!a.speakers.contains { $0.name.contains(" and ") }, "\(a.speakers.map(\.name))")
        #expect(speaker(of: "We will not give up", in: a) == "Kumar", "\(ArticleOutline.render(a))")
    }

    @Test("a plural possessive inside a body's name; a body 'in the Western Cape' is the body, not the place")
    func possessiveNamesAndPlaces() {
        let a = parse("""
            The Irish Property Owners’ Association said small landlords were leaving the market in large numbers.

            The South African Taxi Council (Satc) in the Western Cape said the strike would go on until the city stopped impounding taxis.

            The Minister for Housing, Dara Quinn, said the caps would stay in place until 2027.
            """)
        #expect(speaker(of: "small landlords were leaving", in: a)?.lowercased() == "the irish property owners’ association", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "the strike would go on", in: a)?.lowercased() == "the south african taxi council", "\(ArticleOutline.render(a))")
        #expect(!a.speakers.contains { $0.name.contains("Western Cape") })
        // "Housing" is a portfolio, not an organisation.
        #expect(a.speakers.first { $0.name == "Dara Quinn" }?.organization == nil, "\(a.speakers.map { ($0.name, $0.organization) })")
    }

    @Test("a possessive that is not a plural inside a name still ends it")
    func possessiveStillEnds() {
        let a = parse("Anna Berg’s Union leader Tom Reed said the strike would go on until the city stopped impounding taxis.")
        #expect(!a.speakers.contains { $0.name.contains("Berg’s") }, "\(a.speakers.map(\.name))")
    }

    @Test("a role of two role nouns with a word between ('chief operating officer'); 'of' inside the body before a role ('A Department of Health and Social Care spokesperson')")
    func longRoles() {
        let a = parse("""
            The trust said it was sorry. Its chief operating officer, Dr Neil Turner, said the hospital had seen high demand all weekend.

            A Department of Health and Social Care spokesperson said the government was investing in urgent care.
            """)
        #expect(a.speakers.first { $0.name == "Neil Turner" }?.roles.contains { $0.hasSuffix("chief operating officer") } == true,
                "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "the government was investing", in: a)?.hasSuffix("Department of Health and Social Care spokesperson") == true,
                "\(ArticleOutline.render(a))")
    }

    @Test("other words for a role: the Prime Minister is 'the premier' and 'the PM'")
    func roleSynonyms() {
        let a = parse("""
            Prime Minister Amir Qureshi announced a relief package on Monday.

            Addressing a ceremony in the capital, the premier said the package included free seed for farmers.
            """)
        #expect(speaker(of: "the package included free seed", in: a) == "Amir Qureshi", "\(ArticleOutline.render(a))")
    }

    @Test("a lead description that names its body is only someone known to belong to it")
    func leadDescriptionBody() {
        let a = parse("""
            The leader of Northshire County Council has warned that libraries and youth centres could close next year.

            Opposition leader Raj Patel said the council had wasted money on a failed office move.
            """)
        #expect(speaker(of: "libraries and youth centres could close", in: a) != "Raj Patel", "\(ArticleOutline.render(a))")
    }

    @Test("a list of portfolios in a body's name ('the Ministry of Housing, Communities and Local Government')")
    func listedPortfolios() {
        let a = parse("A spokesman for the Ministry of Housing, Communities and Local Government said: “We have given councils more money.”")
        #expect(speaker(of: "We have given councils", in: a) == "a spokesman", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first?.organization == "the Ministry of Housing, Communities and Local Government" || a.speakers.first?.organization == "Ministry of Housing, Communities and Local Government",
                "\(a.speakers.map { ($0.name, $0.organization) })")
    }

    @Test("a source who asked not to be named said nothing by asking; asking someone to act is still reported")
    func anonymity() {
        let a = parse("""
            A Wellington principal, who asked not to be named, said many schools were struggling to fill vacancies in maths.

            The mayor asked the council to delay the vote until June.
            """)
        #expect(!statements(a).contains { $0.contains("not to be named") }, "\(statements(a))")
        #expect(statements(a).contains { $0.hasPrefix("indirect the council to delay the vote until June") }, "\(statements(a))")
    }

    @Test("Zimbabwean, Bangladeshi and Japanese copy: portfolios listed before a title, 'Cde' and 'Adv', a university with 'and' in its name, a dash typed as two hyphens")
    func zimbabweBangladeshJapan() {
        let a = parse("""
            HARARE - The Government will pay maize farmers in dollars from next season, Lands, Agriculture, Fisheries, Water and Rural Development Minister Dr Tendai Moyo has said.

            Farmers Union president Cde Abdul Sibanda said payments must be made on time.

            Transport expert Prof Rafiq Hasan of Dhaka University of Engineering and Technology (Duet) said the plan could work if the police enforced the rules.

            TOKYO (Kyodo) -- Japan will double its assistance to the island nations next year, Chief Cabinet Secretary Kenji Mori said Tuesday.
            """)
        #expect(speaker(of: "The Government will pay maize farmers", in: a) == "Tendai Moyo", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Tendai Moyo" }?.roles.first?.hasPrefix("Lands, Agriculture, Fisheries, Water and Rural Development Minister") == true,
                "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(speaker(of: "payments must be made on time", in: a) == "Abdul Sibanda", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "the plan could work", in: a) == "Rafiq Hasan", "\(ArticleOutline.render(a))")
        #expect(statements(a).contains { $0.hasPrefix("indirect Japan will double its assistance") }, "\(statements(a))")
    }

    @Test("a definite description of a role nobody was given points back to the person just named; 'the former midfielder' keeps its article; 'boss'")
    func unheldRoleDescription() {
        let a = parse("""
            Harbour Town boss Ian Marsh admitted his team had been second best.

            “We gave them too much space,” the former Wales midfielder said.
            """)
        #expect(speaker(of: "too much space", in: a) == "Ian Marsh", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Ian Marsh" }?.roles == ["Harbour Town boss"], "\(a.speakers.map { ($0.name, $0.roles) })")
    }

    @Test("a description of a role someone holds goes to them, not to the person named last")
    func heldRoleDescription() {
        let a = parse("""
            Finance Minister Tom Reed presented the budget. Opposition leader Ana Ruiz called it reckless.

            “The numbers add up,” the minister said.
            """)
        #expect(speaker(of: "The numbers add up", in: a) == "Tom Reed", "\(ArticleOutline.render(a))")
    }

    @Test("Nigerian copy: 'NLC President, Comrade X, who …', 'Reacting, the minister, Y, said', 'According to him, …'")
    func nigerian() {
        let a = parse("""
            NLC President, Comrade Joe Okon, who spoke at a press conference in Abuja, said workers had waited long enough.

            Reacting, the Minister of Information, Musa Idris, said the government remained committed to the agreement.

            According to him, the delay was caused by the need to reconcile the figures.
            """)
        #expect(a.speakers.first { $0.name == "Joe Okon" }?.roles.contains("NLC President") == true, "\(a.speakers.map { ($0.name, $0.roles) })")
        #expect(!a.speakers.contains { $0.name == "Reacting" }, "\(a.speakers.map(\.name))")
        #expect(speaker(of: "the delay was caused", in: a) == "Musa Idris", "\(ArticleOutline.render(a))")
    }

    @Test("'according to her' goes to the woman named before (the pronouns after 'according to' are pack data)")
    func accordingToPronoun() {
        let a = parse("Finance Minister Tom Reed spoke first. Then Ana Ruiz, the mayor, took the floor. According to her, the pier would reopen in the spring.")
        #expect(speaker(of: "the pier would reopen", in: a) == "Ana Ruiz", "\(ArticleOutline.render(a))")
    }

    @Test("a person whose surname is a place: 'Ms Jackson said' after 'Water Minister Rose Jackson'; the place alone is still no speaker")
    func surnameThatIsAPlace() {
        let a = parse("""
            Water Minister Rose Jackson announced the restrictions on Tuesday.

            “Nobody likes restrictions,” Ms Jackson said.

            Officials in Jackson said the city had enough water for the summer months.
            """)
        #expect(speaker(of: "Nobody likes restrictions", in: a) == "Rose Jackson", "\(ArticleOutline.render(a))")
        let b = parse("“The pumps are old,” Jackson said, the city in Mississippi.")
        #expect(speaker(of: "The pumps are old", in: b) != "Jackson", "\(ArticleOutline.render(b))")
    }

    @Test("a body named after its kind: 'the union Unite has said', 'The operator, Northway Buses,' then 'the company said'")
    func bodiesNamedByKind() {
        let a = parse("""
            Bus drivers in the city have voted to strike in a dispute over pay, the union Unite has said.

            The operator, Northway Buses, said it was disappointed by the result. In a statement, the company said it remained open to talks with the union.
            """)
        #expect(speaker(of: "Bus drivers in the city have voted", in: a) == "Unite", "\(ArticleOutline.render(a))")
        #expect(speaker(of: "it remained open to talks", in: a) == "Northway Buses", "\(ArticleOutline.render(a))")
        #expect(a.speakers.first { $0.name == "Northway Buses" }?.kind == .organization)
    }
}
