/// X: “Q” — a name (or a headline's "Sanders:") and a colon open the sentence before the
/// quotation.
struct ColonSieve: QuoteSieve {
    var rule: AttributionRule { .colon }
    static let confidence = 0.8

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard let m = ctx.colonSpeaker(before: site.qi),
              let r = state.resolve(m, paragraph: site.paragraph, headline: site.isTitle) else { return nil }
        let colon = ctx.tokens[m.tokens.upperBound]
        return SieveDecision(entity: r.entity, attribution: Attribution(rule: .colon, cue: Cue(text: ":", range: colon.range),
                                                                        confidence: Self.confidence, mention: m.range))
    }
}
