/// "The Queensland Premier has rejected …" before "Premier Ruth Callaghan": a description
/// read before anyone held its role is the person named with that role soon after, when
/// exactly one person in the article holds it. A pass after all sentences are read, like
/// `TitleRepeats`.
struct LeadDescriptions {
    /// How far (in bytes) after the description the name may come: a story's lead.
    static let reach = 2000

    /// Gives the statements of such descriptions to their person. Returns, for each person,
    /// the descriptions that became theirs (lowest entity first), for their aliases.
    func apply(_ quotations: inout [Quotation], registry: SpeakerRegistry) -> [Int: [Int]] {
        var target: [Int: Int] = [:]
        var seen = Set<Int>()
        for q in quotations {
            guard let e = q.speaker, seen.insert(e).inserted, registry[e].kind == .anonymous, !registry[e].plural else { continue }
            let words = registry[e].name.lowercased().spaceSeparatedStrings()
            guard words.count >= 2, ["the", "this", "its", "their"].contains(words[0]), let head = words.last else { continue }
            let holders = registry.people(withRole: head)
            guard holders.count == 1, let person = holders.first else { continue }
            let gap = registry[person].firstMention.start - registry[e].firstMention.start
            guard gap > 0, gap < Self.reach else { continue }
            target[e] = person
        }
        guard !target.isEmpty else { return [:] }
        for k in quotations.indices { if let e = quotations[k].speaker, let p = target[e] { quotations[k].speaker = p } }
        var byPerson: [Int: [Int]] = [:]
        for (d, p) in target.sorted(by: { $0.key < $1.key }) { byPerson[p, default: []].append(d) }
        return byPerson
    }
}
