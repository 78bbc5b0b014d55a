/// A quote-only paragraph with nobody speaking before it takes the person the previous
/// paragraph was about: "Valastro praised Christie's leadership. ¶ “We need someone who cuts
/// through.”" Runs after `ContinuationSieve`, which wins when someone spoke just before.
struct PreviousSubjectSieve: QuoteSieve {
    var rule: AttributionRule { .previousSubject }
    static let confidence = 0.6

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard ctx.isQuoteOnly, site.qi == 0, !site.isTitle else { return nil }
        if let last = state.lastStatement, site.paragraph - last.paragraph <= 1 { return nil }
        guard let s = state.subjects.last, s.paragraph == site.paragraph - 1 else { return nil }
        let e = state.registry[s.entity]
        guard e.kind == .person, e.personEvidence, !e.plural else { return nil }
        return SieveDecision(entity: s.entity, attribution: Attribution(rule: .previousSubject, confidence: Self.confidence))
    }
}
