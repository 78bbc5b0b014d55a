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
            guard registry[e].kind == .anonymous, !registry[e].plural else { continue }
            let words = registry[e].name.lowercased().spaceSeparatedStrings()
            guard words.count >= 2, ["the", "this", "its", "their"].contains(words[0]), let head = words.last else { continue }
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
