/// `voices --json`: the model as the JSON contract describes it (docs/json-contract.md).
public enum ArticleJSON {
    public static let schemaVersion = 1

    /// One JSON document on one line (JSON Lines when several articles are printed).
    public static func render(_ article: Article, source: String? = nil) -> String {
        var w = JSONWriter()
        w.raw("{\"schemaVersion\": \(schemaVersion), ")
        if let source { w.raw("\"source\": "); w.string(source); w.raw(", ") }
        w.raw("\"title\": "); w.optionalString(article.titleText)
        if let byline = article.byline { w.raw(", \"byline\": "); w.string(byline) }
        w.raw(", \"speakers\": [")
        for (k, s) in article.speakers.enumerated() {
            if k > 0 { w.raw(", ") }
            w.raw("{\"id\": \"s\(s.id + 1)\", \"name\": "); w.string(s.name)
            w.raw(", \"aliases\": "); w.strings(s.aliases)
            w.raw(", \"kind\": \"\(s.kind.rawValue)\", \"roles\": "); w.strings(s.roles)
            w.raw(", \"organization\": "); w.optionalString(s.organization)
            w.raw(", \"quoteCount\": \(s.statements.count)")
            w.raw(", \"firstMention\": {\"start\": \(s.firstMention.start), \"end\": \(s.firstMention.end)}}")
        }
        w.raw("], \"quotes\": [")
        for (k, q) in article.quotations.enumerated() {
            if k > 0 { w.raw(", ") }
            w.raw("{\"id\": \"q\(q.id + 1)\", \"text\": "); w.string(text(of: q, in: article))
            w.raw(", \"kind\": \"\(q.kind.rawValue)\", \"speaker\": ")
            if let s = q.speaker { w.raw("\"s\(s + 1)\"") } else { w.raw("null") }
            w.raw(", \"start\": \(q.range.start), \"end\": \(q.range.end), \"paragraph\": \(q.paragraph), \"sentence\": \(q.sentence)")
            w.raw(", \"cue\": "); w.optionalString(q.attribution.cue?.text)
            if let cue = q.attribution.cue { w.raw(", \"cueStart\": \(cue.range.start), \"cueEnd\": \(cue.range.end)") }
            w.raw(", \"rule\": \"\(q.attribution.rule.rawValue)\", \"confidence\": "); w.number(q.attribution.confidence)
            w.raw("}")
        }
        w.raw("], \"diagnostics\": [")
        for (k, d) in article.diagnostics.enumerated() {
            if k > 0 { w.raw(", ") }
            w.raw("{\"severity\": \"\(d.severity.rawValue)\", \"code\": \"\(d.code.rawValue)\", \"message\": "); w.string(d.message)
            if let o = d.byteOffset { w.raw(", \"byteOffset\": \(o)") }
            w.raw("}")
        }
        w.raw("]}")
        return w.output
    }

    /// A quotation's words; the parts of a quotation over several paragraphs joined by a newline.
    public static func text(of q: Quotation, in article: Article) -> String {
        q.segments.map(article.string).joined(separator: "\n")
    }
}
