/// `voices --list` (and the reader's output when stdout is not a terminal): each speaker
/// with role and statements, as plain text for pipes. `--explain` adds why. Controls and
/// bidi overrides in the article are shown as visible symbols (`TerminalText`).
public enum ArticleListing {
    /// `speakers` (ids) limits the listing to those speakers (`--speaker`); each speaker's
    /// share of the article's words follows their name, the narration's first, as bars.
    /// `sgr`: colour codes (30–37) for the speakers in order, for `--color` (`| less -R`):
    /// names in their colour and bold, direct quotations bold, reported speech underlined.
    public static func render(_ article: Article, explain: Bool = false, speakers only: Set<Int>? = nil, sgr: [Int]? = nil) -> String {
        var out = ""
        write(article, explain: explain, speakers: only, sgr: sgr) { out += $0 }
        return out
    }

    /// The same text as `render`, handed to `sink` in pieces of about `chunkSize` bytes as
    /// it is made (each ending at a line end), so a long article's listing never sits in
    /// memory whole.
    public static func write(_ article: Article, explain: Bool = false, speakers only: Set<Int>? = nil, sgr: [Int]? = nil,
                             chunkSize: Int = 1 << 16, to sink: (String) throws -> Void) rethrows {
        // The article's own controls are made visible; colour codes are written with a
        // stand-in scalar that the article does not contain, and become ESC only after that,
        // so no escape sequence from the article reaches the terminal.
        let esc = sgr == nil ? "\u{1B}" : standIn(for: article)
        try unsanitized(article, explain: explain, speakers: only, sgr: sgr, esc: esc, chunkSize: chunkSize) { piece in
            let clean = TerminalText.sanitize(piece)
            try sink(sgr == nil ? clean : replacing(esc, withEscapeIn: clean))
        }
    }

    /// A private-use scalar (U+E000–U+F8FF) that occurs nowhere in the article's text, found
    /// on the bytes: such a scalar is EE xx xx or EF 80–A3 xx in UTF-8.
    static func standIn(for article: Article) -> String {
        var used = [Bool](repeating: false, count: 0x1900)
        var text = article.text
        text.withUTF8 { u in
            var i = 0
            let n = u.count
            while i + 2 < n {
                let b = u[i]
                if b == 0xEE || (b == 0xEF && u[i + 1] <= 0xA3) {
                    let v = (UInt32(b & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F)
                    if v >= 0xE000 && v <= 0xF8FF { used[Int(v - 0xE000)] = true }
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        let free = used.firstIndex(of: false) ?? used.count
        return String(Unicode.Scalar(UInt32(0xE000 + free)).map(Character.init) ?? "\u{F8FF}")
    }

    /// `text` with every `standIn` (one three-byte scalar) replaced by ESC, byte by byte.
    static func replacing(_ standIn: String, withEscapeIn text: String) -> String {
        var text = text
        let pattern = Array(standIn.utf8)
        return text.withUTF8 { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var i = 0, run = 0
            let n = u.count, m = pattern.count
            while i + m <= n {
                if u[i] == pattern[0] && u[i + 1] == pattern[1] && u[i + 2] == pattern[2] {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                    out.append(0x1B)
                    i += m; run = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func unsanitized(_ article: Article, explain: Bool, speakers only: Set<Int>? = nil, sgr: [Int]? = nil, esc: String = "\u{1B}") -> String {
        var all = ""
        unsanitized(article, explain: explain, speakers: only, sgr: sgr, esc: esc, chunkSize: Int.max) { all += $0 }
        return all
    }

    /// The listing before sanitizing, in pieces that end at line ends (so a CR LF pair is
    /// never cut) of about `chunkSize` bytes.
    static func unsanitized(_ article: Article, explain: Bool, speakers only: Set<Int>?, sgr: [Int]?, esc: String,
                            chunkSize: Int, to sink: (String) throws -> Void) rethrows {
        var out = ""
        func flush(force: Bool = false) throws {
            guard force ? !out.isEmpty : out.utf8.count >= chunkSize else { return }
            try sink(out)
            out = ""
        }
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
                try flush()
            }
            out += "\n"
        }
        let orphans = article.quotations.filter { $0.speaker == nil && $0.kind.isStatement }
        if !orphans.isEmpty && only == nil {
            out += "Unattributed — \(orphans.count)\n"
            for q in orphans { out += line(for: q, in: article, explain: explain); try flush() }
            out += "\n"
        }
        if explain && only == nil {
            let others = article.quotations.filter { !$0.kind.isStatement }
            if !others.isEmpty {
                out += "Not statements (scare quotes, titles, nested)\n"
                for q in others { out += line(for: q, in: article, explain: explain); try flush() }
                out += "\n"
            }
        }
        for d in article.diagnostics { out += "note: \(readable(d, in: article))\n"; try flush() }
        try flush(force: true)
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
        let text = flattened(q, in: article)
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

    /// A quotation's words on one line: its parts (over several paragraphs) and the line
    /// breaks inside them shown as " ¶ ". Built on the bytes: the same as joining the parts
    /// with "\n" and replacing every "\n" character (a CR LF pair is one character, kept).
    static func flattened(_ q: Quotation, in article: Article) -> String {
        var text = article.text
        return text.withUTF8 { u in
            var joined: [UInt8] = []
            for (j, r) in q.segments.enumerated() {
                if j > 0 { joined.append(0x0A) }
                let lo = max(0, min(r.start, u.count)), hi = max(lo, min(r.end, u.count))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: u[lo..<hi]))
            }
            var out: [UInt8] = []
            out.reserveCapacity(joined.count + 8)
            joined.withUnsafeBufferPointer { TerminalText.replacingLineFeeds(in: $0, with: " ¶ ", into: &out) }
            return String(decoding: out, as: UTF8.self)
        }
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
    /// The article's text, counted in place (a native string's UTF-8, not a copy of it).
    private var text: String

    init(_ article: Article) {
        text = article.text
        text.makeContiguousUTF8()
        var total = 0, quoted = 0
        text.withUTF8 { b in
            total = VoiceShare.words(in: b, from: 0, to: b.count)
            for q in article.quotations where q.kind.isStatement { for r in q.segments { quoted += VoiceShare.count(b, r.start, r.end) } }
        }
        self.total = total
        narration = max(0, total - quoted)
    }

    func words(of s: Speaker, in article: Article) -> (quoted: Int, reported: Int) {
        var q = 0, r = 0
        var text = self.text
        text.withUTF8 { b in
            for i in s.statements {
                let quotation = article.quotations[i]
                let n = quotation.segments.reduce(0) { $0 + VoiceShare.count(b, $1.start, $1.end) }
                if quotation.kind == .indirect { r += n } else { q += n }
            }
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

    static func count(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        words(in: b, from: max(0, from), to: min(b.count, to))
    }

    /// Words in bytes `from..<to`: runs of letters and digits (any non-ASCII byte counts as a
    /// letter), an inner apostrophe or hyphen keeping a word whole. Shared with the reader's
    /// share-of-voice bars so that the pane and `--list` agree.
    public static func words(in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        byteClass.withUnsafeBufferPointer { table in
            var n = 0
            var inWord = false
            var i = from
            while i < end {
                let k = table[Int(b[i])]
                let letter = k == 1
                if letter && !inWord { n += 1 }
                inWord = letter || (inWord && k == 2)
                i += 1
            }
            return n
        }
    }

    /// Per byte: 1 a letter or digit (any non-ASCII byte counts as a letter), 2 an apostrophe
    /// or hyphen, 0 anything else. One load a byte instead of a chain of comparisons.
    static let byteClass: [UInt8] = (0..<256).map { c -> UInt8 in
        if c >= 0x80 || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) { return 1 }
        return c == 0x27 || c == 0x2D ? 2 : 0
    }
}
