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
}
