/// `voices --json`: the model as the JSON contract describes it (docs/json-contract.md).
public enum ArticleJSON {
    public static let schemaVersion = 1

    /// One JSON document on one line (JSON Lines when several articles are printed).
    public static func render(_ article: Article, source: String? = nil) -> String {
        var out: [UInt8] = []
        write(article, source: source) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same document as `render`, handed to `sink` in chunks of about `chunkSize` bytes
    /// as it is made, so a 200 MB article's JSON never sits in memory whole. No newline at
    /// the end.
    public static func write(_ article: Article, source: String? = nil, chunkSize: Int = 1 << 16,
                             to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var text = article.text
        text.makeContiguousUTF8()
        try text.withUTF8 { utf8 in
            // The writer lives inside this closure and nothing captures it, so Swift needs no
            // dynamic exclusivity checks on it (they were 4% of the instructions).
            var w = JSONWriter(capacity: chunkSize + 4096)
            w.raw("{\"schemaVersion\": "); w.int(schemaVersion); w.raw(", ")
            if let source { w.raw("\"source\": "); w.string(source); w.raw(", ") }
            w.raw("\"title\": ")
            if let t = article.title { w.raw("\""); w.slice(utf8, t); w.raw("\"") } else { w.raw("null") }
            if let author = article.author { w.raw(", \"byline\": "); w.string(author) }
            if let published = article.published { w.raw(", \"published\": "); w.string(published) }
            if let url = article.url { w.raw(", \"url\": "); w.string(url) }
            w.raw(", \"speakers\": [")
            // Index loops: `enumerated()` went through the runtime for each (offset, element) pair.
            for k in article.speakers.indices {
                let s = article.speakers[k]
                if k > 0 { w.raw(", ") }
                w.raw("{\"id\": \"s"); w.int(s.id + 1); w.raw("\", \"name\": "); w.string(s.name)
                w.raw(", \"aliases\": "); w.strings(s.aliases)
                w.raw(", \"kind\": \""); w.raw(s.kind.jsonName); w.raw("\", \"roles\": "); w.strings(s.roles)
                w.raw(", \"organization\": "); w.optionalString(s.organization)
                w.raw(", \"quoteCount\": "); w.int(s.statements.count)
                w.raw(", \"firstMention\": {\"start\": "); w.int(s.firstMention.start)
                w.raw(", \"end\": "); w.int(s.firstMention.end); w.raw("}}")
                try w.flush(threshold: chunkSize, to: sink)
            }
            w.raw("], \"quotes\": [")
            // Each quotation read in place (`quotations[k].…`): a copy of it retained and
            // released its segments and its cue's text.
            let quotations = article.quotations
            for k in quotations.indices {
                if k > 0 { w.raw(", ") }
                w.raw("{\"id\": \"q"); w.int(quotations[k].id + 1); w.raw("\", \"text\": \"")
                var first = true
                quotations[k].forEachSegment { segment in
                    if !first { w.raw("\\n") }
                    first = false
                    w.slice(utf8, segment)
                }
                w.raw("\", \"kind\": \""); w.raw(quotations[k].kind.jsonName); w.raw("\", \"speaker\": ")
                if let s = quotations[k].speaker { w.raw("\"s"); w.int(s + 1); w.raw("\"") } else { w.raw("null") }
                w.raw(", \"start\": "); w.int(quotations[k].range.start); w.raw(", \"end\": "); w.int(quotations[k].range.end)
                w.raw(", \"paragraph\": "); w.int(quotations[k].paragraph); w.raw(", \"sentence\": "); w.int(quotations[k].sentence)
                w.raw(", \"cue\": ")
                if let cue = quotations[k].attribution.cue {
                    w.string(cue.text)
                    w.raw(", \"cueStart\": "); w.int(cue.range.start); w.raw(", \"cueEnd\": "); w.int(cue.range.end)
                } else {
                    w.raw("null")
                }
                w.raw(", \"rule\": \""); w.raw(quotations[k].attribution.rule.jsonName); w.raw("\", \"confidence\": ")
                w.number(quotations[k].attribution.confidence)
                w.raw("}")
                try w.flush(threshold: chunkSize, to: sink)
            }
            w.raw("], \"diagnostics\": [")
            for k in article.diagnostics.indices {
                let d = article.diagnostics[k]
                if k > 0 { w.raw(", ") }
                w.raw("{\"severity\": \""); w.raw(string: d.severity.rawValue); w.raw("\", \"code\": \""); w.raw(string: d.code.rawValue)
                w.raw("\", \"message\": "); w.string(d.message)
                if let o = d.byteOffset { w.raw(", \"byteOffset\": "); w.int(o) }
                w.raw("}")
                try w.flush(threshold: chunkSize, to: sink)
            }
            w.raw("]}")
            try w.flush(threshold: chunkSize, force: true, to: sink)
        }
    }

    /// A quotation's words; the parts of a quotation over several paragraphs joined by a newline.
    public static func text(of q: Quotation, in article: Article) -> String {
        q.segments.map(article.string).joined(separator: "\n")
    }
}

// The raw values as literals, so the writer copies their bytes without making a `String`
// (tests hold each to its `rawValue`).
extension QuotationKind {
    var jsonName: StaticString {
        switch self {
        case .direct: return "direct"
        case .partial: return "partial"
        case .indirect: return "indirect"
        case .scare: return "scare"
        case .title: return "title"
        case .nested: return "nested"
        }
    }
}

extension AttributionRule {
    var jsonName: StaticString {
        switch self {
        case .speechVerb: return "speech-verb"
        case .pronoun: return "pronoun"
        case .colon: return "colon"
        case .dash: return "dash"
        case .according: return "according-to"
        case .continuation: return "continuation"
        case .previousSubject: return "previous-subject"
        case .backwardFill: return "backward-fill"
        case .retrospective: return "retrospective"
        case .introducedBy: return "introduced-by"
        case .sentenceSubject: return "sentence-subject"
        case .reportedSpeech: return "reported-speech"
        case .notAStatement: return "not-a-statement"
        case .unattributed: return "unattributed"
        }
    }
}

extension SpeakerKind {
    var jsonName: StaticString {
        switch self {
        case .person: return "person"
        case .organization: return "organization"
        case .anonymous: return "anonymous"
        }
    }
}
