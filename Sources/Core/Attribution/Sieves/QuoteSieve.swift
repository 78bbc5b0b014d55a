/// One quotation as the quote → speaker sieves see it: where it stands among the tokens and
/// cues of the sentence around it (the sentence's `Context` is passed beside it, not copied
/// into it: a copy retains and releases each of its arrays, per quotation).
struct QuoteSite {
    /// The quotation's token index in the sentence's tokens.
    let qi: Int
    /// Speech cues of the sentence (token indices, in order).
    let cues: [Int]
    let paragraph: Int
    let isTitle: Bool
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
    func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision?
}

/// The order of the quote → speaker sieves, in one place: explicit cues first, then
/// layout rules (colon, dash byline), then discourse (introduced by the paragraph before, the
/// last speaker going on), and the sentence's subject last.
enum QuoteSieves {
    static let ordered: [Sieve] = [
        .cue,
        .colon,
        .dashByline,
        .introduced,
        .continuation,
        .previousSubject,
        .sentenceSubject,
    ]

    /// One of the sieves, by name: `ordered` holds plain values and a sieve is called by a
    /// switch (an array of `any QuoteSieve` was boxed, copied and destroyed sieve by sieve
    /// for every quotation).
    enum Sieve {
        case cue, colon, dashByline, introduced, continuation, previousSubject, sentenceSubject

        var rule: AttributionRule {
            switch self {
            case .cue: CueSieve().rule
            case .colon: ColonSieve().rule
            case .dashByline: DashBylineSieve().rule
            case .introduced: IntroducedSieve().rule
            case .continuation: ContinuationSieve().rule
            case .previousSubject: PreviousSubjectSieve().rule
            case .sentenceSubject: SentenceSubjectSieve().rule
            }
        }

        func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
            switch self {
            case .cue: CueSieve().decide(ctx, site, &state)
            case .colon: ColonSieve().decide(ctx, site, &state)
            case .dashByline: DashBylineSieve().decide(ctx, site, &state)
            case .introduced: IntroducedSieve().decide(ctx, site, &state)
            case .continuation: ContinuationSieve().decide(ctx, site, &state)
            case .previousSubject: PreviousSubjectSieve().decide(ctx, site, &state)
            case .sentenceSubject: SentenceSubjectSieve().decide(ctx, site, &state)
            }
        }
    }

    /// Runs the sieves over one quotation of the sentence `ctx`, in the order of `ordered`;
    /// nil when none decided.
    static func decide(_ ctx: Context, _ site: QuoteSite, _ state: inout AttributionState) -> SieveDecision? {
        for sieve in ordered {
            if let d = sieve.decide(ctx, site, &state) { return d }
        }
        return nil
    }
}
