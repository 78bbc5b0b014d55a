import Core

/// `--speaker NAME`: which speakers a name means, and an article cut down to them for `--json`.
enum SpeakerSelection {
    /// Speakers with statements whose name or another name they go by contains `query`
    /// (case and accents ignored, as the reader's search does).
    static func matching(_ query: String, in article: Article) -> Set<Int> {
        let q = TextFit.collapse(query)
        var out = Set<Int>()
        for s in article.speakers where !s.statements.isEmpty {
            let names = [s.name] + s.aliases
            if names.contains(where: { !TextSearch.find(q, in: TextFit.collapse($0)).hits.isEmpty }) { out.insert(s.id) }
        }
        return out
    }

    /// The article with only these speakers and their statements (ids renumbered, the text,
    /// paragraphs and sentences kept, so every range still points into the same text).
    static func restricted(_ article: Article, to ids: Set<Int>) -> Article {
        var out = article
        let keptSpeakers = article.speakers.filter { ids.contains($0.id) }
        var newSpeaker: [Int: Int] = [:]
        for (i, s) in keptSpeakers.enumerated() { newSpeaker[s.id] = i }
        var quotations: [Quotation] = []
        var newQuotation: [Int: Int] = [:]
        for q in article.quotations {
            guard let s = q.speaker, ids.contains(s) else { continue }
            var copy = q
            newQuotation[q.id] = quotations.count
            copy.id = quotations.count
            copy.speaker = newSpeaker[s]
            quotations.append(copy)
        }
        out.quotations = quotations
        out.speakers = keptSpeakers.enumerated().map { i, s in
            var copy = s
            copy.id = i
            copy.statements = s.statements.compactMap { newQuotation[$0] }
            return copy
        }
        return out
    }
}
