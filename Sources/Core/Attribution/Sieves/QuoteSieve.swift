/// One quotation as the quote → speaker sieves see it: the sentence around it and where it
/// stands among the sentence's tokens and cues.
struct QuoteSite {
    let ctx: Context
    /// The quotation's token index in `ctx.tokens`.
    let qi: Int
    /// Speech cues of the sentence (token indices, in order).
    let cues: [Int]
    let paragraph: Int
    let isTitle: Bool

    var token: Token { ctx.tokens[qi] }
}

/// What a sieve decided: the speaker's entity and why.
struct SieveDecision {
    var entity: Int
    var attribution: Attribution
}

/// A quote → speaker rule. The sieves run in the order of `QuoteSieves.ordered`; the first
/// that decides wins (Stanford CoreNLP's quote attribution works the same way). Each sieve
/// is a small type in its own file with its rule name, its confidence and one method.
protocol QuoteSieve: Sendable {
    /// The rule reported in `--explain`, `--json` and the why box.
    var rule: AttributionRule { get }
    func decide(_ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision?
}

/// The order of the quote → speaker sieves, in one place: explicit cues first, then
/// layout rules (colon, dash byline), then discourse (introduced by the paragraph before, the
/// last speaker going on), and the sentence's subject last.
enum QuoteSieves {
    static let ordered: [any QuoteSieve] = [
        CueSieve(),
        ColonSieve(),
        DashBylineSieve(),
        IntroducedSieve(),
        ContinuationSieve(),
        PreviousSubjectSieve(),
        SentenceSubjectSieve(),
    ]

    /// Runs the sieves over one quotation, in the order of `ordered`; nil when none decided.
    static func decide(_ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        for sieve in ordered {
            if let d = sieve.decide(site, &state) { return d }
        }
        return nil
    }
}
