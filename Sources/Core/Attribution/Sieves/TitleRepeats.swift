/// A name found to be a title ("the film “Winds of Change”") is a title wherever it is
/// quoted again in the article: one title repeated is never statements by several people.
struct TitleRepeats {
    /// Titles are short: longer quotations that happen to repeat are left alone.
    static let maxWords = 8

    func apply(_ source: Source, quotations: [MarkedQuotation], decisions: inout [QuoteDecision?]) {
        var titles = Set<String>()
        for i in decisions.indices where decisions[i]?.kind == .title {
            titles.insert(Self.key(source.string(quotations[i].content)))
        }
        guard !titles.isEmpty else { return }
        for i in decisions.indices {
            guard let kind = decisions[i]?.kind, kind.isStatement, kind != .indirect else { continue }
            guard Self.wordCount(source, quotations[i].content, upTo: Self.maxWords + 1) <= Self.maxWords,
                  titles.contains(Self.key(source.string(quotations[i].content))) else { continue }
            decisions[i]?.kind = .title
            decisions[i]?.entity = nil
            decisions[i]?.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
        }
    }

    /// Runs of bytes between spaces (U+0020), counted without making a string; the count
    /// stops at `limit` (a long quotation is no title, however long it is).
    static func wordCount(_ source: Source, _ range: TextRange, upTo limit: Int = .max) -> Int {
        var n = 0
        var inWord = false
        for k in range.start..<range.end {
            if source[k] == 0x20 { inWord = false } else if !inWord {
                inWord = true
                n += 1
                if n >= limit { break }
            }
        }
        return n
    }

    /// Lowercased, trailing punctuation and spaces dropped ("Winds of Change." = "winds of change").
    static func key(_ text: String) -> String {
        var s = Substring(text.lowercased())
        while let l = s.last, l.isPunctuation || l.isWhitespace { s.removeLast() }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        return String(s)
    }
}
