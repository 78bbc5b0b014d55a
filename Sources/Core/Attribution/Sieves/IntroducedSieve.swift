/// A paragraph ending "X said:" introduces the quotation that opens the next one (or the
/// rest of its own paragraph).
struct IntroducedSieve: QuoteSieve {
    var rule: AttributionRule { .introducedBy }
    static let confidence = 0.75

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard let intro = state.introduced, intro.paragraph == site.paragraph - 1 || intro.paragraph == site.paragraph,
              ctx.isQuoteOnly || site.qi == 0 else { return nil }
        return SieveDecision(entity: intro.entity, attribution: Attribution(rule: .introducedBy, cue: intro.cue, confidence: Self.confidence))
    }
}
