/// `voices --list` (and the reader's output when stdout is not a terminal): each speaker
/// with role and statements, as plain text for pipes. `--explain` adds why. Controls and
/// bidi overrides in the article are shown as visible symbols (`TerminalText`).
public enum ArticleListing {
    /// `speakers` (ids) limits the listing to those speakers (`--speaker`); each speaker's
    /// share of the article's words follows their name, the narration's first, as bars.
    /// `sgr`: colour codes (30–37) for the speakers in order, for `--color` (`| less -R`):
    /// names in their colour and bold, direct quotations bold, reported speech underlined.
    public static func render(_ article: Article, explain: Bool = false, speakers only: Set<Int>? = nil, sgr: [Int]? = nil) -> String {
        // The article's own controls are made visible; colour codes are written with a
        // stand-in scalar that the article does not contain, and become ESC only after that,
        // so no escape sequence from the article reaches the terminal.
        let esc = sgr == nil ? "\u{1B}" : standIn(for: article)
        let clean = TerminalText.sanitize(unsanitized(article, explain: explain, speakers: only, sgr: sgr, esc: esc))
        return sgr == nil ? clean : clean.replacingAll(esc, with: "\u{1B}")
    }

    /// A private-use scalar that occurs nowhere in the article's text.
    static func standIn(for article: Article) -> String {
        var used = Set<UInt32>()
        for s in article.text.unicodeScalars where s.value >= 0xE000 && s.value <= 0xF8FF { used.insert(s.value) }
        var v: UInt32 = 0xE000
        while used.contains(v) { v += 1 }
        return String(Character(Unicode.Scalar(v)!))
    }

    static func unsanitized(_ article: Article, explain: Bool, speakers only: Set<Int>? = nil, sgr: [Int]? = nil, esc: String = "\u{1B}") -> String {
        var out = ""
        if let title = article.titleText {
            out += title + "\n" + String(repeating: "=", count: min(72, title.count)) + "\n"
            if let byline = article.byline { out += byline + "\n" }
            out += "\n"
        }
        let share = VoiceShare(article)
        if share.total > 0 && only == nil {
            out += "Narration \(share.bar(share.narration, 0)) \(share.percent(share.narration))% of \(share.total) words (the article's own)\n\n"
        }
        for (rank, s) in orderedSpeakers(article).enumerated() where only?.contains(s.id) ?? true {
            var head = s.name
            let detail = ([s.roles.first].compactMap { $0 } + [s.organization].compactMap { $0 }).joined(separator: ", ")
            if !detail.isEmpty { head += " (\(detail))" }
            head += " — \(s.statements.count) statement\(s.statements.count == 1 ? "" : "s")"
            if let sgr, !sgr.isEmpty { head = esc + "[1;\(sgr[rank % sgr.count])m" + head + esc + "[0m" }
            out += head + "\n"
            if share.total > 0 {
                let (q, r) = share.words(of: s, in: article)
                out += "  voice \(share.bar(q, r)) \(share.percent(q + r))%: \(q) words quoted, \(r) reported\n"
            }
            for qi in s.statements {
                out += line(for: article.quotations[qi], in: article, explain: explain, ansi: sgr != nil, esc: esc)
            }
            out += "\n"
        }
        let orphans = article.quotations.filter { $0.speaker == nil && $0.kind.isStatement }
        if !orphans.isEmpty && only == nil {
            out += "Unattributed — \(orphans.count)\n"
            for q in orphans { out += line(for: q, in: article, explain: explain) }
            out += "\n"
        }
        if explain && only == nil {
            let others = article.quotations.filter { !$0.kind.isStatement }
            if !others.isEmpty {
                out += "Not statements (scare quotes, titles, nested)\n"
                for q in others { out += line(for: q, in: article, explain: explain) }
                out += "\n"
            }
        }
        for d in article.diagnostics { out += "note: \(readable(d, in: article))\n" }
        return out
    }

    /// A diagnostic with its place as a paragraph number (the first after the title is 1)
    /// instead of a byte offset, which means nothing to a reader.
    public static func readable(_ d: Diagnostic, in article: Article) -> String {
        guard let offset = d.byteOffset, d.code != .utf16 else { return d.message }
        let paras = article.paragraphs
        guard !paras.isEmpty else { return d.message }
        var p = 0
        for (i, para) in paras.enumerated() where para.range.start <= offset { p = i }
        let place = paras[p].isTitle ? "in the title" : "in paragraph \(p + (paras[0].isTitle ? 0 : 1))"
        return d.message.replacingAll("at byte \(offset)", with: place)
    }

    /// Named people and officials first (in order of first mention), then organisations,
    /// then anonymous sources.
    public static func orderedSpeakers(_ article: Article) -> [Speaker] {
        func rank(_ s: Speaker) -> Int { s.kind == .person ? 0 : s.kind == .organization ? 1 : 2 }
        return article.speakers.filter { !$0.statements.isEmpty }.sorted {
            rank($0) != rank($1) ? rank($0) < rank($1) : $0.firstMention.start < $1.firstMention.start
        }
    }

    static func line(for q: Quotation, in article: Article, explain: Bool, ansi: Bool = false, esc: String = "\u{1B}") -> String {
        let text = ArticleJSON.text(of: q, in: article).replacingAll("\n", with: " ¶ ")
        var shown = q.kind == .indirect ? "(reported) \(text)" : "“\(text)”"
        if ansi && q.kind == .direct { shown = esc + "[1m" + shown + esc + "[0m" }
        if ansi && q.kind == .indirect { shown = esc + "[4m" + shown + esc + "[0m" }
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

/// Words quoted per speaker against the article's own (narration), for the listing's bars.
public struct VoiceShare {
    let total: Int
    let narration: Int
    private let bytes: [UInt8]

    init(_ article: Article) {
        bytes = Array(article.text.utf8)
        total = VoiceShare.count(bytes, 0, bytes.count)
        var quoted = 0
        for q in article.quotations where q.kind.isStatement { for r in q.segments { quoted += VoiceShare.count(bytes, r.start, r.end) } }
        narration = max(0, total - quoted)
    }

    func words(of s: Speaker, in article: Article) -> (quoted: Int, reported: Int) {
        var q = 0, r = 0
        for i in s.statements {
            let quotation = article.quotations[i]
            let n = quotation.segments.reduce(0) { $0 + VoiceShare.count(bytes, $1.start, $1.end) }
            if quotation.kind == .indirect { r += n } else { q += n }
        }
        return (q, r)
    }

    func percent(_ n: Int) -> Int { total > 0 ? (n * 100 + total / 2) / total : 0 }

    /// 20 cells for the whole article: █ quoted, ▒ reported, ░ the rest.
    func bar(_ quoted: Int, _ reported: Int) -> String {
        let width = 20
        var q = total > 0 ? (quoted * width + total / 2) / total : 0
        var r = total > 0 ? (reported * width + total / 2) / total : 0
        if quoted > 0 && q == 0 { q = 1 }
        if reported > 0 && r == 0 { r = 1 }
        r = min(r, width - q)
        return String(repeating: "█", count: q) + String(repeating: "▒", count: r) + String(repeating: "░", count: max(0, width - q - r))
    }

    static func count(_ b: [UInt8], _ from: Int, _ to: Int) -> Int {
        b.withUnsafeBufferPointer { words(in: $0, from: max(0, from), to: min($0.count, to)) }
    }

    /// Words in bytes `from..<to`: runs of letters and digits (any non-ASCII byte counts as a
    /// letter), an inner apostrophe or hyphen keeping a word whole. Shared with the reader's
    /// share-of-voice bars so that the pane and `--list` agree.
    public static func words(in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var n = 0
        var inWord = false
        var i = from
        while i < end {
            let c = b[i]
            let letter = c >= 0x80 || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122)
            if letter && !inWord { n += 1 }
            inWord = letter || (inWord && (c == 0x27 || c == 0x2D))
            i += 1
        }
        return n
    }
}
