import Core

/// `voices --summary`: one line per speaker across a corpus (name, articles, statements,
/// words quoted, roles), the same people as `SpeakerIndex` merges, built article by article
/// so the articles themselves need not be kept: memory grows with the distinct speakers,
/// not with the text.
public struct SpeakerSummary: Sendable {
    /// What the summary keeps of one article: its speakers with statements.
    public struct ArticleDigest: Sendable {
        public struct Speaker: Sendable {
            public var name: String
            public var aliases: [String]
            public var kind: SpeakerKind
            public var roles: [String]
            public var organization: String?
            public var statements: Int
            public var wordsQuoted: Int
        }
        public var speakers: [Speaker]

        /// `wordsQuoted` counts the words inside quotation marks (direct and partial
        /// quotations, nested ones within them), not reported speech.
        public init(_ article: Article) {
            speakers = article.speakers.filter { !$0.statements.isEmpty }.map { s in
                var words = 0
                for qi in s.statements {
                    let q = article.quotations[qi]
                    guard q.kind == .direct || q.kind == .partial || q.kind == .nested else { continue }
                    for seg in q.segments { words += Self.wordCount(article.string(seg)) }
                }
                return Speaker(name: s.name, aliases: s.aliases, kind: s.kind, roles: s.roles, organization: s.organization,
                               statements: s.statements.count, wordsQuoted: words)
            }
        }

        static func wordCount(_ s: String) -> Int {
            var n = 0, inWord = false
            for c in s.unicodeScalars {
                let letter = c.properties.isAlphabetic || ("0"..."9").contains(c)
                if letter && !inWord { n += 1 }
                inWord = letter || (inWord && (c == "'" || c == "’" || c == "-"))
            }
            return n
        }
    }

    public struct Line: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var kind: SpeakerKind
        public var articles: Int
        public var statements: Int
        public var wordsQuoted: Int
        public var roles: [String]
        public var organizations: [String]
    }

    /// Speakers whose identity (kind, name and proper-name aliases as the index compares
    /// them) is the same are kept as one record; anonymous sources are never merged.
    private struct Record {
        var identity: SpeakerIndex.Identity
        var names: [String]
        var roles: [String]
        var organizations: [String]
        var kinds: [SpeakerKind: Int]
        var articles: [Int32]
        var statements: Int
        var wordsQuoted: Int
    }

    private var records: [Record] = []
    private var byKey: [String: Int] = [:]
    public private(set) var articleCount = 0

    public init() {}

    public mutating func add(_ digest: ArticleDigest) {
        let article = Int32(truncatingIfNeeded: articleCount)
        articleCount += 1
        for s in digest.speakers {
            let identity = SpeakerIndex.Identity(name: s.name, aliases: s.aliases, kind: s.kind)
            var index: Int?
            var key: String?
            if s.kind != .anonymous {
                let tokens = SpeakerIndex.nameTokens(s.name)
                let aliasKeys = Set(s.aliases.filter(SpeakerIndex.isProperName).map { SpeakerIndex.nameTokens($0).joined(separator: " ") }).sorted()
                key = s.kind.rawValue + ":" + tokens.joined(separator: " ") + "|" + aliasKeys.joined(separator: "|")
                index = byKey[key!]
            }
            if index == nil {
                index = records.count
                records.append(Record(identity: identity, names: [], roles: [], organizations: [], kinds: [:], articles: [],
                                      statements: 0, wordsQuoted: 0))
                if let key { byKey[key] = index }
            }
            var r = records[index!]
            for n in [s.name] + s.aliases where !r.names.contains(where: { $0.lowercased() == n.lowercased() }) { r.names.append(n) }
            for role in s.roles where !r.roles.contains(role) { r.roles.append(role) }
            if let o = s.organization, !r.organizations.contains(o) { r.organizations.append(o) }
            r.kinds[s.kind, default: 0] += 1
            if r.articles.last != article { r.articles.append(article) }
            r.statements += s.statements
            r.wordsQuoted += s.wordsQuoted
            records[index!] = r
        }
    }

    /// One line per person or organisation, ordered as the speaker index orders them: in
    /// more articles first, then more statements, then by first appearance.
    public func lines() -> [Line] {
        let groupOf = SpeakerIndex.groups(records.map(\.identity))
        var members: [[Int]] = []
        for (i, g) in groupOf.enumerated() {
            if g == members.count { members.append([]) }
            members[g].append(i)
        }
        var out: [Line] = []
        for group in members {
            var names: [String] = [], roles: [String] = [], organizations: [String] = []
            var kinds: [SpeakerKind: Int] = [:]
            var articles = Set<Int32>()
            var statements = 0, words = 0
            for i in group {
                let r = records[i]
                for n in r.names where !names.contains(where: { $0.lowercased() == n.lowercased() }) { names.append(n) }
                for role in r.roles where !roles.contains(role) { roles.append(role) }
                for o in r.organizations where !organizations.contains(o) { organizations.append(o) }
                for (k, v) in r.kinds { kinds[k, default: 0] += v }
                articles.formUnion(r.articles)
                statements += r.statements
                words += r.wordsQuoted
            }
            let name = SpeakerIndex.fullestName(group.map { records[$0].identity.name })
            out.append(Line(name: name, aliases: names.filter { $0 != name }, kind: SpeakerIndex.commonestKind(kinds),
                            articles: articles.count, statements: statements, wordsQuoted: words,
                            roles: roles, organizations: organizations))
        }
        return out.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.articles != b.articles { return a.articles > b.articles }
            if a.statements != b.statements { return a.statements > b.statements }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// A line as JSON (keys in a fixed order, the contract's camelCase).
    public static func json(_ line: Line) -> String {
        var out = "{\"name\": " + quoted(line.name) + ", \"kind\": \"" + line.kind.rawValue + "\""
        out += ", \"articles\": \(line.articles), \"statements\": \(line.statements), \"wordsQuoted\": \(line.wordsQuoted)"
        out += ", \"roles\": [" + line.roles.map(quoted).joined(separator: ", ") + "]"
        out += ", \"organizations\": [" + line.organizations.map(quoted).joined(separator: ", ") + "]"
        out += ", \"aliases\": [" + line.aliases.map(quoted).joined(separator: ", ") + "]}"
        return out
    }

    /// A JSON string: quotes, backslashes and controls (C0, DEL, C1, U+2028/9) escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) || c.value == 0x2028 || c.value == 0x2029 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
