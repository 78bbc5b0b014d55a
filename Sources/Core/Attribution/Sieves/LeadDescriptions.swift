/// "The Queensland Premier has rejected …" before "Premier Ruth Callaghan": a description
/// read before anyone held its role is the person named with that role soon after, when
/// exactly one person in the article holds it. A pass after all sentences are read, like
/// `TitleRepeats`.
struct LeadDescriptions {
    /// How far (in bytes) after the description the name may come: a story's lead.
    static let reach = 2000

    /// Gives the statements of such descriptions to their person. Returns, for each person,
    /// the descriptions that became theirs (lowest entity first), for their aliases.
    func apply(_ quotations: inout [Quotation], registry: SpeakerRegistry, source: Source) -> [Int: [Int]] {
        var target: [Int: Int] = [:]
        // Entities are numbered from 0: whether one was seen is a flag at its number.
        var seen = [Bool](repeating: false, count: registry.entities.count)
        for k in quotations.indices {
            guard let e = quotations[k].speaker, !seen[e] else { continue }
            seen[e] = true
            guard registry[e].kind == .anonymous, !registry[e].plural, Self.mayOpenWithDeterminer(registry[e].name) else { continue }
            let words = registry[e].name.lowercased().spaceSeparatedStrings()
            guard words.count >= 2, Self.openers.contains(words[0]), let head = words.last else { continue }
            let holders = registry.people(withRole: head)
            guard holders.count == 1, let person = holders.first else { continue }
            let gap = registry[person].firstMention.start - registry[e].firstMention.start
            guard gap > 0, gap < Self.reach else { continue }
            // "The leader of Northshire County Council has …": a description that names its
            // body is only someone known to belong to it (not "Opposition leader Raj Patel").
            if let body = Self.body(after: registry[e].firstMention.end, source) {
                let known = (registry[person].roles + [registry[person].organization ?? ""]).joined(separator: " ").lowercased()
                guard known.contains(body.lowercased()) else { continue }
            }
            target[e] = person
        }
        guard !target.isEmpty else { return [:] }
        return retarget(&quotations, target)
    }

    /// The words a description read this way opens with.
    static let openers = ["the", "this", "its", "their"]

    /// Whether `name`'s first word (up to a space) may be one of `openers` once lowercased:
    /// read from its bytes, letters in either case, before the name is lowercased and split
    /// (no scalar outside ASCII lowercases to these letters; a first word with one is left
    /// to that test).
    static func mayOpenWithDeterminer(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { u -> Bool in
            var k = 0
            while k < u.count, u[k] == 0x20 { k += 1 }
            var e = k
            while e < u.count, u[e] != 0x20 {
                if u[e] >= 0x80 { return true }
                e += 1
            }
            guard e - k >= 3, e - k <= 5 else { return false }
            return openers.contains { w in
                w.utf8.count == e - k && zip(w.utf8, u[k..<e]).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
            }
        } ?? true
    }

    /// The capitalised name after " of " or " for " (and "the") right after byte `end`:
    /// "Northshire County Council" of "The leader of Northshire County Council has".
    static func body(after end: Int, _ source: Source) -> String? {
        let window = source.string(TextRange(end, min(source.count, end + 120)))
        let words = window.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, words[0] == "of" || words[0] == "for" else { return nil }
        var k = 1
        if words[k] == "the" { k += 1 }
        var name: [Substring] = []
        while k < words.count, let f = words[k].unicodeScalars.first, f.isUppercaseLike {
            let comma = words[k].hasSuffix(",")
            name.append(comma ? words[k].dropLast() : words[k])
            if comma { break }
            k += 1
        }
        return name.isEmpty ? nil : name.joined(separator: " ")
    }

    private func retarget(_ quotations: inout [Quotation], _ target: [Int: Int]) -> [Int: [Int]] {
        for k in quotations.indices { if let e = quotations[k].speaker, let p = target[e] { quotations[k].speaker = p } }
        var byPerson: [Int: [Int]] = [:]
        for (d, p) in target.sorted(by: { $0.key < $1.key }) { byPerson[p, default: []].append(d) }
        return byPerson
    }
}
