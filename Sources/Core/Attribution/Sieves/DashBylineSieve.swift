/// “Q” — Sonya Herridge: a dash and a name after the quotation end the sentence (reader
/// comments, epigraphs, vox pops).
struct DashBylineSieve: QuoteSieve {
    var rule: AttributionRule { .dash }
    static let confidence = 0.8

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard let m = ctx.dashSpeaker(after: site.qi),
              let r = state.resolve(m, paragraph: site.paragraph, headline: site.isTitle) else { return nil }
        let dash = ctx.tokens[site.qi + 1]
        return SieveDecision(entity: r.entity, attribution: Attribution(rule: .dash, cue: Cue(text: dash.lower, range: dash.range),
                                                                        confidence: Self.confidence, mention: m.range))
    }
}
