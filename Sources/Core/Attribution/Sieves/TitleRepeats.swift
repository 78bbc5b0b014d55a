/// A name found to be a title ("the film “Winds of Change”") is a title wherever it is
/// quoted again in the article: one title repeated is never statements by several people.
struct TitleRepeats {
    /// Titles are short: longer quotations that happen to repeat are left alone.
    static let maxWords = 8

    func apply(_ source: Source, quotations: [MarkedQuotation], decisions: inout [QuoteDecision?]) {
        var titles = Set<String>()
        for (i, d) in decisions.enumerated() where d?.kind == .title {
            titles.insert(Self.key(source.string(quotations[i].content)))
        }
        guard !titles.isEmpty else { return }
        for i in decisions.indices {
            guard let d = decisions[i], d.kind.isStatement, d.kind != .indirect else { continue }
            let text = source.string(quotations[i].content)
            guard text.split(separator: " ").count <= Self.maxWords, titles.contains(Self.key(text)) else { continue }
            decisions[i]?.kind = .title
            decisions[i]?.entity = nil
            decisions[i]?.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
        }
    }

    /// Lowercased, trailing punctuation and spaces dropped ("Winds of Change." = "winds of change").
    static func key(_ text: String) -> String {
        var s = Substring(text.lowercased())
        while let l = s.last, l.isPunctuation || l.isWhitespace { s.removeLast() }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        return String(s)
    }
}
