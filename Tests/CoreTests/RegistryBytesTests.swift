import Testing
@testable import Core

/// The byte-level shortcuts of the speaker registry and the place list, each held to the
/// `String`-level rule it stands for.
@Suite("Registry byte shortcuts")
struct RegistryBytesTests {
    static let spellings = [
        "Donald Trump", "the minister", "The Minister", "THE WHITE HOUSE", "This official", "this", "the", "The ",
        "thermal", "Theresa May", "a spokesman", "ms marsh", "Ms Marsh", "O'Brien", "the 46-year-old", "",
        "Mr. Smith Jr.", "the  double space", "Tom\tReed", "the Irish Nurses and Midwives Organisation",
        "a very long description of someone who works for the Department of Health and Social Care",
    ]

    @Test("an ASCII spelling's normal form is the one the string library gives", arguments: spellings)
    func asciiNormalForm(text: String) {
        let fast = SpeakerRegistry.asciiNormalForm(text)
        let slow = SpeakerRegistry.normalForm(text)
        #expect(fast?.normalized == slow.normalized)
        #expect(fast?.opensWithThe == slow.opensWithThe)
        #expect(fast?.opensWithThis == slow.opensWithThis)
    }

    @Test("text that is not ASCII takes the string library's way", arguments: ["Zoë Ball", "the ministre’s aide", "Café"])
    func notASCII(text: String) {
        #expect(SpeakerRegistry.asciiNormalForm(text) == nil)
    }

    /// `Places.contains` as the string library says it: lowercased, the trims, a set lookup.
    static func reference(_ name: String) -> Bool {
        var s = Substring(name.lowercased())
        if s.hasSuffix("-based") { s = s.dropLast(6) }
        if s.hasSuffix("’s") { s = s.dropLast(2) }
        if s.hasSuffix("'s") { s = s.dropLast(2) }
        if s.hasPrefix("the ") { s = s.dropFirst(4) }
        return Places.localities.contains(String(s))
    }

    @Test("every locality is found however it is written, and near misses are not")
    func places() {
        var names: [String] = []
        for place in Places.localities {
            let title = place.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            names += [place, place.uppercased(), title, "the " + title, title + "-based", title + "'s", title + "’s",
                      String(place.dropLast()), place + "x", "x" + place]
        }
        names += ["", "The", "the ", "Trump", "Jackson", "Ms Jackson", "New", "Londoner", "Paris Hilton", "-based"]
        for name in names {
            #expect(Places.contains(name) == Self.reference(name), "\(name)")
        }
    }

    @Test("a byte set holds its members and nothing else")
    func byteSet() {
        let members = ["new york", "la.", "a", "", "washington state"]
        let set = ByteSet(members)
        for word in members + ["new yor", "new yorkk", "b", "la", "washington", "NEW YORK"] {
            let found = Array(word.utf8).withUnsafeBufferPointer { set.contains($0) }
            #expect(found == members.contains(word), "\(word)")
        }
    }

    @Test("a name's possessive mark is cut on the bytes as `withoutPossessive` cuts the text", arguments: [
        "Reuters’ report", "Ruiz's plan", "the Owners' group", "Marsh’s", "JONES’S", "Chris", "O'Brien", "St. James's",
        "Zoë’s", "’s", "Lewis'",
    ])
    func possessiveCut(text: String) {
        PhraseSpans.forEach(in: text) { tokens, span, finder in
            #expect(finder.textWithoutPossessive(tokens, span) == MentionFinder.withoutPossessive(finder.text(tokens, span)))
        }
    }

    @Test("a name not in ASCII is one entity however its letters are composed, asked once or many times")
    func composedNames() {
        var registry = SpeakerRegistry()
        func named(_ text: String, at offset: Int) -> Int? {
            registry.resolve(Mention(kind: .name, tokens: 0..<2, range: TextRange(offset, offset + text.utf8.count), text: text))
        }
        let precomposed = named("Zoë Ball", at: 0)
        #expect(precomposed != nil)
        #expect(named("Zoe\u{308} Ball", at: 100) == precomposed)
        #expect(named("Zoë Ball", at: 200) == precomposed)
        #expect(named("Zoe\u{308} Ball", at: 300) == precomposed)
        #expect(named("Zoë Bell", at: 400) != precomposed)
        #expect(registry.entitiesNamed("Zoe\u{308} Ball") == registry.entitiesNamed("Zoë Ball"))
    }
}
