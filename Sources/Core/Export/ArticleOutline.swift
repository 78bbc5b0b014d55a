/// A compact, stable dump of the parsed model, one line per item — the oracle Core's tests
/// compare against (in the manner of swift-markdown's debug tree).
///
///     title "Harbour Town Votes"
///     paragraph 1: 2 sentences
///     quote direct "We looked at every option" ← Helen Okafor [speech-verb "she said"]
///     speaker Helen Okafor (person) roles: Mayor aliases: Okafor
public enum ArticleOutline {
    public static func render(_ article: Article, includeStructure: Bool = false) -> String {
        var lines: [String] = []
        if let t = article.titleText { lines.append("title \"\(t)\"") }
        if includeStructure {
            for (i, p) in article.paragraphs.enumerated() where !p.isTitle {
                lines.append("paragraph \(i): \(p.sentences.count) sentence\(p.sentences.count == 1 ? "" : "s")")
            }
        }
        for q in article.quotations {
            var line = "\(q.kind.rawValue) \"\(ArticleJSON.text(of: q, in: article).replacingAll("\n", with: "¶"))\""
            if let s = q.speaker {
                line += " ← \(article.speakers[s].name) [\(q.attribution.rule.rawValue)"
                if let cue = q.attribution.cue { line += " \"\(cue.text)\"" }
                line += "]"
            }
            lines.append(line)
        }
        for s in article.speakers {
            var line = "speaker \(s.name) (\(s.kind.rawValue))"
            if !s.roles.isEmpty { line += " roles: " + s.roles.joined(separator: "; ") }
            if !s.aliases.isEmpty { line += " aliases: " + s.aliases.joined(separator: "; ") }
            lines.append(line)
        }
        for d in article.diagnostics { lines.append("diagnostic \(d.code.rawValue)") }
        return lines.joined(separator: "\n")
    }
}
