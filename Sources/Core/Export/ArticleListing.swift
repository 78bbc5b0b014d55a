/// `voices --list` (and the reader's output when stdout is not a terminal): each speaker
/// with role and statements, as plain text for pipes. `--explain` adds why. Controls and
/// bidi overrides in the article are shown as visible symbols (`TerminalText`).
public enum ArticleListing {
    public static func render(_ article: Article, explain: Bool = false) -> String {
        TerminalText.sanitize(unsanitized(article, explain: explain))
    }

    static func unsanitized(_ article: Article, explain: Bool) -> String {
        var out = ""
        if let title = article.titleText {
            out += title + "\n" + String(repeating: "=", count: min(72, title.count)) + "\n"
            if let byline = article.byline { out += byline + "\n" }
            out += "\n"
        }
        for s in orderedSpeakers(article) {
            var head = s.name
            let detail = ([s.roles.first].compactMap { $0 } + [s.organization].compactMap { $0 }).joined(separator: ", ")
            if !detail.isEmpty { head += " (\(detail))" }
            head += " — \(s.statements.count) statement\(s.statements.count == 1 ? "" : "s")"
            out += head + "\n"
            for qi in s.statements {
                out += line(for: article.quotations[qi], in: article, explain: explain)
            }
            out += "\n"
        }
        let orphans = article.quotations.filter { $0.speaker == nil && $0.kind.isStatement }
        if !orphans.isEmpty {
            out += "Unattributed — \(orphans.count)\n"
            for q in orphans { out += line(for: q, in: article, explain: explain) }
            out += "\n"
        }
        if explain {
            let others = article.quotations.filter { !$0.kind.isStatement }
            if !others.isEmpty {
                out += "Not statements (scare quotes, titles, nested)\n"
                for q in others { out += line(for: q, in: article, explain: explain) }
                out += "\n"
            }
        }
        for d in article.diagnostics { out += "note: \(d.message)\n" }
        return out
    }

    /// Named people and officials first (in order of first mention), then organisations,
    /// then anonymous sources.
    public static func orderedSpeakers(_ article: Article) -> [Speaker] {
        func rank(_ s: Speaker) -> Int { s.kind == .person ? 0 : s.kind == .organization ? 1 : 2 }
        return article.speakers.filter { !$0.statements.isEmpty }.sorted {
            rank($0) != rank($1) ? rank($0) < rank($1) : $0.firstMention.start < $1.firstMention.start
        }
    }

    static func line(for q: Quotation, in article: Article, explain: Bool) -> String {
        let text = ArticleJSON.text(of: q, in: article).replacingAll("\n", with: " ¶ ")
        let shown = q.kind == .indirect ? "(reported) \(text)" : "“\(text)”"
        var line = "  • \(shown)"
        if q.kind != .direct && q.kind != .indirect { line += " [\(q.kind.rawValue)]" }
        line += "\n"
        if explain {
            let cue = q.attribution.cue.map { "cue “\($0.text)” at \($0.range.start)" } ?? "no cue"
            line += "      rule \(q.attribution.rule.rawValue), \(cue), confidence \(String(format2(q.attribution.confidence)))\n"
        }
        return line
    }

    private static func format2(_ d: Double) -> String {
        let v = Int((d * 100).rounded())
        return "\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
