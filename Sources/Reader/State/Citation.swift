import Core

/// What `y` and `Y` copy: a quotation with its attribution, as a reader would cite it:
/// “…” — Name, role (Title, https://source). Reported speech is marked, not put in quotes.
enum Citation {
    static func quotation(_ q: Int, in article: Article, name: String) -> String {
        let quotation = article.quotations[q]
        return words(quotation, in: article) + " — " + who(quotation, in: article) + " " + source(article, name: name)
    }

    /// Every statement of one speaker pane entry, one per line, then the attribution once.
    static func statements(of list: [Int], in article: Article, name: String) -> String {
        guard let first = list.first else { return "" }
        let lines = list.map { "• " + words(article.quotations[$0], in: article) }
        return lines.joined(separator: "\n") + "\n— " + who(article.quotations[first], in: article) + " " + source(article, name: name)
    }

    static func words(_ q: Quotation, in article: Article) -> String {
        let text = clean(q.segments.map { TextFit.collapse(article.string($0)) }.joined(separator: " "))
        return q.kind == .indirect ? "(reported) " + text : "“" + text + "”"
    }

    static func who(_ q: Quotation, in article: Article) -> String {
        guard let s = article.speaker(of: q) else { return q.kind.isStatement ? "unattributed" : "nobody's statement" }
        var who = TextFit.collapse(s.name)
        if let role = SpeakerPane.role(of: .speaker(s.id), in: article) { who += ", " + role }
        return clean(who)
    }

    static func source(_ article: Article, name: String) -> String {
        let parts = [name] + [article.url].compactMap { $0 }.filter { !$0.isEmpty }
        return "(" + clean(parts.joined(separator: ", ")) + ")"
    }

    /// Controls and bidi overrides shown as visible symbols, as everywhere else.
    static func clean(_ s: String) -> String {
        var out = ""
        for ch in s { if let v = DisplayWidth.visible(ch) { out.append(v) } }
        return out
    }
}
