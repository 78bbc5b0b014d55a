/// “Q,” X said. / “Q,” said X. / X said, “Q.” / X called it “Q”. / according to X, “Q”: the
/// speech cue the quotation hangs on (`Context.cue(for:among:)`) and that cue's subject, a
/// name or description (speech-verb, according-to) or a pronoun (pronoun).
struct CueSieve: QuoteSieve {
    var rule: AttributionRule { .speechVerb }
    static let named = 0.9
    static let pronoun = 0.8
    static let according = 0.85

    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        guard var (c, m) = ctx.cue(for: site.qi, among: site.cues) else { return nil }
        // "Ross said Obama had told Jewish leaders that there would be “no daylight”": the
        // quotation sits in Ross's reported clause, so the words are Ross's report.
        if let outer = ctx.reportingCue(enclosing: c, subject: m, before: site.qi) { (c, m) = outer }
        // The cue is taken even when its subject names nobody: it reports nothing else.
        state.attachedCues.insert(c)
        guard let r = state.resolve(m, paragraph: site.paragraph, headline: site.isTitle) else { return nil }
        let according = ctx.isAccording(c)
        let rule: AttributionRule = r.viaPronoun ? .pronoun : (according ? .according : .speechVerb)
        let confidence = r.viaPronoun ? Self.pronoun : (according ? Self.according : Self.named)
        return SieveDecision(entity: r.entity, attribution: Attribution(rule: rule, cue: ctx.cueValue(c), confidence: confidence, mention: m.range))
    }
}
