/// A quotation-only sentence before anyone is named in its paragraph takes the speaker of
/// the next attributed quotation in that paragraph ("“Q1.” “Q2,” she said." with Q1 alone
/// in its sentence). Runs once after all sentences: one backward pass.
struct BackwardFillSieve {
    static let confidence = 0.6

    func apply(_ decisions: inout [QuoteDecision?]) {
        var next: (entity: Int, paragraph: Int)?
        for i in decisions.indices.reversed() {
            guard let d = decisions[i] else { continue }
            if let e = d.entity {
                next = (e, d.paragraph)
            } else if d.kind.isStatement, let n = next, n.paragraph == d.paragraph {
                decisions[i]!.entity = n.entity
                decisions[i]!.attribution = Attribution(rule: .backwardFill, confidence: Self.confidence)
            }
        }
    }
}
