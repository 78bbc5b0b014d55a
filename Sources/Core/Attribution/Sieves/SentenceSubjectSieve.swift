/// A partial quotation inside a sentence whose subject, named before it, is a person or a
/// body: "Mayor Okafor called the decision “painful”". The last sieve, and the weakest.
struct SentenceSubjectSieve: QuoteSieve {
    var rule: AttributionRule { .sentenceSubject }
    static let confidence = 0.55

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard !ctx.isQuoteOnly, !site.isTitle, let s = state.subject, s.offset < ctx.tokens[site.qi].range.start else { return nil }
        return SieveDecision(entity: s.entity, attribution: Attribution(rule: .sentenceSubject, confidence: Self.confidence))
    }
}
