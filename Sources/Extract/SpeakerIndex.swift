import Core

/// Speakers across several articles: one entry per person or organisation, merged by
/// name and alias, with their statements grouped by article — who said what about one
/// event, across outlets.
///
/// Two speakers are the same when:
/// - their names are the same once titles ("Mr", "Dr"), a leading "the", possessives,
///   case and punctuation are set aside ("The Kremlin" and "the Kremlin");
/// - or one person's name is part of another's and they share the surname
///   ("Kosachev", "Konstantin Kosachev"; "John Kennedy", "John F. Kennedy"), or one
///   article's alias is another's name — provided the shorter name fits only one
///   fuller name across the articles (two Smiths stay apart).
/// Anonymous sources ("one official") are never merged across articles.
public struct SpeakerIndex: Sendable {
    /// One speaker's part in one article.
    public struct Appearance: Sendable, Hashable {
        /// Index of the article (in the order given).
        public var article: Int
        /// Indices into that article's `speakers` (usually one; more when the article
        /// itself kept two forms of the name apart).
        public var speakers: [Int]
        /// Indices into that article's `quotations`, in text order.
        public var statements: [Int]
    }

    public struct Entry: Sendable, Hashable {
        /// The fullest name any article gives.
        public var name: String
        /// Every other way the articles name them.
        public var aliases: [String]
        public var kind: SpeakerKind
        public var roles: [String]
        public var organizations: [String]
        /// By article, in article order.
        public var appearances: [Appearance]

        public var statementCount: Int { appearances.reduce(0) { $0 + $1.statements.count } }
    }

    public let articles: [Article]
    /// Speakers in more articles first, then those with more statements, then by first appearance.
    public private(set) var entries: [Entry] = []

    /// Speakers with at least one statement are indexed.
    public init(articles: [Article]) {
        self.articles = articles
        var records: [(article: Int, speaker: Int)] = []
        var identities: [Identity] = []
        for (a, article) in articles.enumerated() {
            for s in article.speakers where !s.statements.isEmpty {
                records.append((a, s.id))
                identities.append(Identity(name: s.name, aliases: s.aliases, kind: s.kind))
            }
        }
        let groupOf = Self.groups(identities)
        var members: [[Int]] = []
        for (i, g) in groupOf.enumerated() {
            if g == members.count { members.append([]) }
            members[g].append(i)
        }
        for group in members {
            var names: [String] = []
            var seenNames: Set<String> = []
            var roles: [String] = []
            var organizations: [String] = []
            var kinds: [SpeakerKind: Int] = [:]
            var byArticle: [Int: Appearance] = [:]
            for i in group {
                let r = records[i]
                let s = articles[r.article].speakers[r.speaker]
                for n in [s.name] + s.aliases where seenNames.insert(n.lowercased()).inserted { names.append(n) }
                for role in s.roles where !roles.contains(role) { roles.append(role) }
                if let o = s.organization, !organizations.contains(o) { organizations.append(o) }
                kinds[s.kind, default: 0] += 1
                var ap = byArticle[r.article] ?? Appearance(article: r.article, speakers: [], statements: [])
                ap.speakers.append(r.speaker)
                ap.statements = Array(Set(ap.statements + s.statements)).sorted()
                byArticle[r.article] = ap
            }
            let name = Self.fullestName(group.map { identities[$0].name })
            entries.append(Entry(name: name, aliases: names.filter { $0 != name }, kind: Self.commonestKind(kinds),
                                 roles: roles, organizations: organizations,
                                 appearances: byArticle.values.sorted { $0.article < $1.article }))
        }
        entries = entries.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.appearances.count != b.appearances.count { return a.appearances.count > b.appearances.count }
            if a.statementCount != b.statementCount { return a.statementCount > b.statementCount }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// A speaker of one article as the index compares them.
    struct Identity: Hashable, Sendable {
        var name: String
        var aliases: [String]
        var kind: SpeakerKind
    }

    /// Who is the same as whom: for each speaker, the number of its group (groups numbered
    /// from 0 in the order of their first member). The rules are in the type's comment.
    static func groups(_ identities: [Identity]) -> [Int] {
        struct Record { var tokens: [String]; var kind: SpeakerKind; var aliasTokens: [[String]] }
        let records = identities.map { s in
            Record(tokens: Self.nameTokens(s.name), kind: s.kind, aliasTokens: s.aliases.filter(Self.isProperName).map(Self.nameTokens))
        }
        var sets = DisjointSets(records.count)
        // 1. Same name.
        var byKey: [String: Int] = [:]
        for (i, r) in records.enumerated() where r.kind != .anonymous && !r.tokens.isEmpty {
            let key = r.kind.rawValue + ":" + r.tokens.joined(separator: " ")
            if let j = byKey[key] { sets.union(i, j) } else { byKey[key] = i }
        }
        // 2. A shorter name (or an alias) that fits exactly one fuller name. Compared by
        // distinct name (the same person in 20,000 articles is one comparison, not 20,000²):
        // records with the same tokens are one set after step 1, so a shape (tokens and
        // aliases) stands for all its records, and the fuller shapes a name fits are found
        // once per distinct name.
        struct Shape: Hashable { var tokens: [String]; var aliasTokens: [[String]] }
        var shapeRecord: [Shape: Int] = [:]            // a representative record per shape
        var byToken: [String: [Shape]] = [:]            // shapes whose name has this word
        var byAlias: [[String]: [Shape]] = [:]          // shapes with this alias
        for (j, r) in records.enumerated() where r.kind == .person {
            let shape = Shape(tokens: r.tokens, aliasTokens: r.aliasTokens)
            guard shapeRecord[shape] == nil else { continue }
            shapeRecord[shape] = j
            for t in Set(r.tokens) { byToken[t, default: []].append(shape) }
            for a in Set(r.aliasTokens) { byAlias[a, default: []].append(shape) }
        }
        var fits: [[String]: [Int]] = [:]               // distinct name → representative records of the fuller shapes it fits
        for (i, r) in records.enumerated() where r.kind == .person && !r.tokens.isEmpty {
            let candidates: [Int]
            if let known = fits[r.tokens] {
                candidates = known
            } else {
                // Every fuller name holds all of this name's words: look only among the
                // shapes holding its rarest word.
                let rarest = r.tokens.min { (byToken[$0]?.count ?? 0) < (byToken[$1]?.count ?? 0) }!
                var found: [Int] = []
                var seen: Set<Shape> = []
                for other in byToken[rarest] ?? [] where Self.isPart(r.tokens, of: other.tokens) && seen.insert(other).inserted {
                    found.append(shapeRecord[other]!)
                }
                for other in byAlias[r.tokens] ?? [] where r.tokens.count < other.tokens.count {
                    if seen.insert(other).inserted { found.append(shapeRecord[other]!) }
                }
                fits[r.tokens] = found
                candidates = found
            }
            guard !candidates.isEmpty else { continue }
            // Fuller names that are themselves one person count once.
            let fullest = Set(candidates.map { sets.find($0) })
            if fullest.count == 1, let g = fullest.first { sets.union(i, g) }
        }
        var number: [Int: Int] = [:]
        return records.indices.map { i in
            let root = sets.find(i)
            if let n = number[root] { return n }
            number[root] = number.count
            return number.count - 1
        }
    }

    /// The name with the most words (then the longest) of those given.
    static func fullestName(_ names: [String]) -> String {
        names.max { a, b in
            let ta = Self.nameTokens(a).count, tb = Self.nameTokens(b).count
            return ta != tb ? ta < tb : a.count < b.count
        } ?? ""
    }

    static func commonestKind(_ kinds: [SpeakerKind: Int]) -> SpeakerKind {
        kinds.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? .person
    }

    /// The entry whose name or alias is `name` (compared as names are merged).
    public func entry(named name: String) -> Entry? {
        let t = Self.nameTokens(name)
        return entries.first { e in ([e.name] + e.aliases).contains { Self.nameTokens($0) == t } }
    }

    // MARK: Names

    /// Words set aside when names are compared.
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "the", "rev", "fr"]

    /// "Ms. Marsh’s" → ["marsh"]; "The Kremlin" → ["kremlin"].
    static func nameTokens(_ name: String) -> [String] {
        var tokens: [String] = []
        for raw in name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }) {
            var t = Substring(raw)
            for suffix in ["’s", "'s", "’", "'"] where t.hasSuffix(suffix) { t = t.dropLast(suffix.count); break }
            let word = String(t.filter { $0.isLetter || $0.isNumber || $0 == "-" })
            if word.isEmpty || honorifics.contains(word) { continue }
            tokens.append(word)
        }
        return tokens
    }

    /// A name rather than a description: every word capitalised ("Kosachev", "Ms Marsh"),
    /// not "the minister" or "he".
    static func isProperName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard !words.isEmpty, words.first?.lowercased() != "the" else { return false }
        return words.allSatisfy { $0.first?.isUppercase ?? false }
    }

    /// All of `part`'s words are in `whole`, in order, with the same last word (surname),
    /// and `whole` is longer: "Kosachev" of "Konstantin Kosachev".
    static func isPart(_ part: [String], of whole: [String]) -> Bool {
        guard !part.isEmpty, part.count < whole.count, part.last == whole.last else { return false }
        var j = 0
        for w in whole where j < part.count && w == part[j] { j += 1 }
        return j == part.count
    }
}

/// Union-find over record indices.
struct DisjointSets {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }

    mutating func find(_ i: Int) -> Int {
        var r = i
        while parent[r] != r { r = parent[r] }
        var k = i
        while parent[k] != r { let next = parent[k]; parent[k] = r; k = next }
        return r
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

/// `voices --index`: the speaker index as plain text.
public enum SpeakerIndexListing {
    /// `names` label the articles (file names), in the index's article order. Controls and
    /// bidi overrides in names, titles and statements are shown as visible symbols.
    public static func render(_ index: SpeakerIndex, names: [String]) -> String {
        TerminalText.sanitize(unsanitized(index, names: names))
    }

    static func unsanitized(_ index: SpeakerIndex, names: [String]) -> String {
        let n = index.articles.count
        var out = "Speaker index — \(n) article\(n == 1 ? "" : "s"), \(index.entries.count) speaker\(index.entries.count == 1 ? "" : "s")\n\n"
        for (k, name) in names.enumerated() where k < n {
            out += "[\(k + 1)] \(name)"
            if let t = index.articles[k].titleText { out += " — " + t }
            out += "\n"
        }
        out += "\n"
        for e in index.entries {
            var head = e.name
            let detail = (e.roles.prefix(1) + e.organizations.prefix(1)).joined(separator: ", ")
            if !detail.isEmpty { head += " (\(detail))" }
            let count = e.statementCount, arts = e.appearances.count
            head += " — \(count) statement\(count == 1 ? "" : "s") in \(arts) article\(arts == 1 ? "" : "s")"
            out += head + "\n"
            if !e.aliases.isEmpty { out += "  also: " + e.aliases.joined(separator: ", ") + "\n" }
            for ap in e.appearances {
                let article = index.articles[ap.article]
                out += "  [\(ap.article + 1)] \(ap.article < names.count ? names[ap.article] : "article \(ap.article + 1)")\n"
                for qi in ap.statements {
                    let q = article.quotations[qi]
                    let text = ArticleJSON.text(of: q, in: article).split(separator: "\n").joined(separator: " ¶ ")
                    out += q.kind == .indirect ? "      • (reported) \(text)\n" : "      • “\(text)”" + (q.kind == .direct ? "" : " [\(q.kind.rawValue)]") + "\n"
                }
            }
            out += "\n"
        }
        return out
    }
}
