/// A sentence of nothing but quotations, or one that opens with a quotation and names
/// nobody, goes on with the last speaker of this paragraph or the one before.
struct ContinuationSieve: QuoteSieve {
    var rule: AttributionRule { .continuation }
    static let confidence = 0.7

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        // "Then, after a pause: “…”": a colon after words that name nobody counts as opening.
        let tokens = ctx.tokens
        let opensWithQuote = site.cues.isEmpty && state.subject == nil
            && (site.qi == 0 || tokens[site.qi - 1].isPunct(":"))
        // "Adding, “…”" / "Noting: “…”": a participle cue opening the sentence, no subject.
        let participleOpens = state.subject == nil && site.qi == 2 && site.cues.first == 0 && tokens[0].lower.hasBytesSuffix("ing")
            && (tokens[1].isPunct(",") || tokens[1].isPunct(":"))
        guard ctx.isQuoteOnly || opensWithQuote || participleOpens, let last = state.lastStatement, site.paragraph - last.paragraph <= 1 else { return nil }
        return SieveDecision(entity: last.entity, attribution: Attribution(rule: .continuation, confidence: Self.confidence))
    }
}
