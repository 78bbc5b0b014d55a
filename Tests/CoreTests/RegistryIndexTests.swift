import Testing
@testable import Core

/// The registry's indexes and shortcuts, each held to the plain rule it stands for: the pair
/// set to a `Set`, the byte test of initials to the `Character` rule, organisations in roles
/// with the byte pre-check to the words alone, the nearly sorted sort to the library's stable
/// sort, a surname's remembered last-seen holder to a scan of the holders.
@Suite("Registry indexes and sorting shortcuts")
struct RegistryIndexTests {
    /// A fixed sequence of pseudo-random numbers (SplitMix64): the same cases on every run.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("the pair set holds exactly the pairs put in it, through its growth")
    func pairSet() {
        var set = PairSet()
        var reference = Set<[Int]>()
        var numbers = Numbers(state: 7)
        for _ in 0..<5_000 {
            let a = numbers.next(3_000), b = numbers.next(400)
            #expect(set.contains(a, b) == reference.contains([a, b]))
            set.insert(a, b)
            reference.insert([a, b])
        }
        for a in 0..<60 { for b in 0..<60 { #expect(set.contains(a, b) == reference.contains([a, b])) } }
        #expect(set.contains(0, 0) == reference.contains([0, 0]))
    }

    /// The rule the byte test stands for, on `Character`s.
    static func initialsReference(_ f: String, _ g: String) -> Bool {
        let a = f.trimmingSuffix("."), b = g.trimmingSuffix(".")
        return (a.count == 1 && b.hasPrefix(a)) || (b.count == 1 && a.hasPrefix(b))
    }

    static let firstNames = ["J.", "J", "John", "j.", "Jo", "", ".", "..", "K.", "Kate", "É.", "Élodie", "E.", "Zoë",
                             "J\u{301}.", "J\u{301}ohn", "\r\n.", "\r\nX", "A.B.", "Ab.", "John."]

    @Test("initials agree by bytes exactly when they agree by characters")
    func initials() {
        for f in Self.firstNames {
            for g in Self.firstNames where f != g {
                #expect(SpeakerRegistry.initialAgrees(f, g) == Self.initialsReference(f, g), "\(f.debugDescription) \(g.debugDescription)")
            }
        }
    }

    @Test("a role's organisation is the one its words give", arguments: [
        "minister of health", "Minister of Health", "chief executive of the Ocean Trust", "head of  the Ocean Trust",
        "spokesman for the company", "spokesman for the Company’s board", "director at Acme, a firm", "of",
        "professor at", "professor at the", "chair of État Holdings", "an aide with 12 Squadron", "senior fellow of",
        "Minister of State for Manpower", "Member of Parliament", "vice president for the Institute of Policy Studies",
        "analyst with the  Brookings Institution", "the of Smith", "OF Ghana", "head of ñandú Ltd", "director at\u{A0}Acme",
    ])
    func organizationInRole(role: String) {
        #expect(SpeakerRegistry.organization(inRole: role) == SpeakerRegistry.organization(inRoleWords: role))
    }

    @Test("organisations named in roles, and roles that name none")
    func organizationOutlines() {
        #expect(SpeakerRegistry.organization(inRole: "chief executive of the Ocean Trust") == "Ocean Trust")
        #expect(SpeakerRegistry.organization(inRole: "spokesman for the Company’s board") == "Company")
        #expect(SpeakerRegistry.organization(inRole: "chair of État Holdings") == "État Holdings")
        #expect(SpeakerRegistry.organization(inRole: "minister of health") == nil)
        #expect(SpeakerRegistry.organization(inRole: "Member of Parliament") == nil)
    }

    @Test("the nearly sorted sort gives the library's stable sort, in order or not")
    func nearlySorted() {
        var numbers = Numbers(state: 11)
        var cases: [[Int]] = [[], [5], [1, 2, 3, 4], [4, 3, 2, 1], Array(0..<300), Array((0..<300).reversed())]
        for n in [10, 100, 1_000] {
            cases.append((0..<n).map { _ in numbers.next(n / 3 + 1) })
            // In order but for a few displaced elements, as nested quotations leave it.
            var nearly = Array(0..<n)
            for _ in 0..<(n / 20 + 1) { nearly.swapAt(numbers.next(n), numbers.next(n)) }
            cases.append(nearly)
        }
        for keys in cases {
            // (Each key tagged with its place: equal keys must keep their order.)
            var tagged = keys.enumerated().map { (key: $0.element / 2, place: $0.offset) }
            let expected = tagged.sorted { $0.key != $1.key ? $0.key < $1.key : $0.place < $1.place }
            tagged.sortNearlySorted { $0.key < $1.key }
            #expect(tagged.map(\.place) == expected.map(\.place))
        }
    }

    @Test("a surname alone names the holder seen last (the first of equals), whatever order the offsets come in")
    func surnameLeader() {
        var registry = SpeakerRegistry()
        func named(_ text: String, at offset: Int) -> Int? {
            registry.resolve(Mention(kind: .name, tokens: 0..<2, range: TextRange(offset, offset + text.utf8.count), text: text))
        }
        let people = ["Ana Kerr", "Ben Kerr", "Cleo Kerr", "Dan Obi", "Eva Obi", "Finn Kerr", "Gus Obi"]
        var numbers = Numbers(state: 5)
        var offset = 0
        // The full names first (a surname said before any would be a person of its own).
        for name in people.prefix(5) {
            offset += 50
            _ = named(name, at: offset)
        }
        for round in 0..<3_000 {
            // Mostly later in the text; now and then back to an earlier offset (a headline is
            // read last), or to the offset just used (two mentions at one place).
            let roll = numbers.next(10)
            let at = roll == 0 ? numbers.next(offset + 1) : roll == 1 ? offset : offset + 1 + numbers.next(80)
            offset = max(offset, at)
            // Two more people join the families part of the way in.
            let pool = round < 1_000 ? 5 : people.count
            if numbers.next(3) == 0 {
                let surname = numbers.next(2) == 0 ? "Kerr" : "Obi"
                // The rule: of the people with that surname, the one seen last; of several seen
                // at one offset, the one named first.
                let holders = registry.entities.indices.filter {
                    registry[$0].kind == .person && registry[$0].words.last == surname.lowercased()
                }
                let expected = holders.max { a, b in
                    registry[a].lastSeen != registry[b].lastSeen ? registry[a].lastSeen < registry[b].lastSeen : a > b
                }
                #expect(named(surname, at: at) == expected, "round \(round)")
            } else {
                _ = named(people[numbers.next(pool)], at: at)
            }
        }
    }
}
