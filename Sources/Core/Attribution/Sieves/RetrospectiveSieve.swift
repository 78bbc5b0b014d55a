/// “Q.” That was the promise from X. / Such was the verdict of X. / So said X. — a sentence
/// that looks back at the quotation-only sentence before it and names its source. It runs
/// per sentence, before the sentence's own quotations.
struct RetrospectiveSieve {
    static let confidence = 0.75

    /// Gives the previous sentence's statements to the source this sentence names.
    func apply(_ ctx: Context, _ state: inout AttributionState, decisions: inout [QuoteDecision?]) {
        guard let prev = state.previousQuoteOnly, prev.paragraph == ctx.paragraph, let m = ctx.retrospectiveSpeaker(),
              let r = state.resolve(m.mention, paragraph: ctx.paragraph, headline: ctx.headline) else { return }
        for q in prev.quotes where decisions[q]?.kind.isStatement == true {
            decisions[q]?.entity = r.entity
            decisions[q]?.attribution = Attribution(rule: .retrospective, cue: m.cue, confidence: Self.confidence, mention: m.mention.range)
        }
        state.lastStatement = (r.entity, ctx.paragraph)
    }
}
