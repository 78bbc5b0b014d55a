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
        try write(article, explain: explain, speakers: only, sgr: sgr, chunkSize: chunkSize,
                  bytes: { try sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// `write` as UTF-8 bytes (what a file descriptor takes: no `String` is made).
    public static func write(_ article: Article, explain: Bool = false, speakers only: Set<Int>? = nil, sgr: [Int]? = nil,
                             chunkSize: Int = 1 << 16, bytes sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        // The article's own controls are made visible; colour codes are written with a
        // stand-in scalar that the article does not contain, and become ESC only after that,
        // so no escape sequence from the article reaches the terminal.
        let esc = sgr == nil ? "\u{1B}" : standIn(for: article)
        let pattern = Array(esc.utf8)
        var withEscapes: [UInt8] = []
        try unsanitized(article, explain: explain, speakers: only, sgr: sgr, esc: esc, chunkSize: chunkSize) { piece in
            try TerminalText.withSanitized(piece) { clean in
                guard sgr != nil else { return try sink(clean) }
                withEscapes.removeAll(keepingCapacity: true)
                replacing(pattern, withEscapeIn: clean, into: &withEscapes)
                try withEscapes.withUnsafeBufferPointer { try sink($0) }
            }
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
        return text.withUTF8 { u in
            var out: [UInt8] = []
            replacing(Array(standIn.utf8), withEscapeIn: u, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func replacing(_ pattern: [UInt8], withEscapeIn u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + u.count)
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
    }

    static func unsanitized(_ article: Article, explain: Bool, speakers only: Set<Int>? = nil, sgr: [Int]? = nil, esc: String = "\u{1B}") -> String {
        var all: [UInt8] = []
        unsanitized(article, explain: explain, speakers: only, sgr: sgr, esc: esc, chunkSize: Int.max) { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    /// The listing before sanitizing, in pieces that end at line ends (so a CR LF pair is
    /// never cut) of about `chunkSize` bytes. Built as bytes: a quotation's words are copied
    /// from the article's UTF-8 straight into the piece.
    static func unsanitized(_ article: Article, explain: Bool, speakers only: Set<Int>?, sgr: [Int]?, esc: String,
                            chunkSize: Int, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var text = article.text
        try text.withUTF8 { u in
            var out = ListingBytes(text: u, esc: esc)
            out.bytes.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
            func flush(force: Bool = false) throws {
                guard force ? !out.bytes.isEmpty : out.bytes.count >= chunkSize else { return }
                try out.bytes.withUnsafeBufferPointer { try sink($0) }
                out.bytes.removeAll(keepingCapacity: true)
            }
            if let title = article.titleText {
                out.put(title + "\n" + String(repeating: "=", count: min(72, title.count)) + "\n")
                if let byline = article.byline { out.put(byline + "\n") }
                out.put("\n")
            }
            let share = VoiceShare(article)
            if share.total > 0 && only == nil {
                out.put("Narration \(share.bar(share.narration, 0)) \(share.percent(share.narration))% of \(share.total) words (the article's own)\n\n")
            }
            for (rank, index) in orderedSpeakerIndices(article).enumerated() where only?.contains(article.speakers[index].id) ?? true {
                let s = article.speakers[index]
                // The head line, piece by piece into the bytes: "name (role, organisation) — n
                // statements", in the speaker's colour with `sgr`.
                let colour = sgr.flatMap { $0.isEmpty ? nil : $0[rank % $0.count] }
                if let colour { out.put(esc); out.put("[1;"); out.put(String(colour)); out.put("m") }
                out.put(s.name)
                // The role and the organisation that are given, joined by ", ", in brackets
                // unless that leaves nothing.
                let role = s.roles.first, organization = s.organization
                if (role != nil && organization != nil) || role?.isEmpty == false || organization?.isEmpty == false {
                    out.put(" (")
                    if let role { out.put(role) }
                    if role != nil && organization != nil { out.put(", ") }
                    if let organization { out.put(organization) }
                    out.put(")")
                }
                out.put(" — "); out.put(String(s.statements.count)); out.put(s.statements.count == 1 ? " statement" : " statements")
                if colour != nil { out.put(esc); out.put("[0m") }
                out.put("\n")
                if share.total > 0 {
                    let (q, r) = share.words(of: s, in: article)
                    out.put("  voice "); share.bar(q, r, into: &out.bytes); out.put(" "); out.put(String(share.percent(q + r)))
                    out.put("%: "); out.put(String(q)); out.put(" words quoted, "); out.put(String(r)); out.put(" reported\n")
                }
                for qi in s.statements {
                    out.line(for: article.quotations[qi], explain: explain, ansi: sgr != nil)
                    try flush()
                }
                out.put("\n")
            }
            let orphans = article.quotations.filter { $0.speaker == nil && $0.kind.isStatement }
            if !orphans.isEmpty && only == nil {
                out.put("Unattributed — \(orphans.count)\n")
                for q in orphans { out.line(for: q, explain: explain, ansi: false); try flush() }
                out.put("\n")
            }
            if explain && only == nil {
                let others = article.quotations.filter { !$0.kind.isStatement }
                if !others.isEmpty {
                    out.put("Not statements (scare quotes, titles, nested)\n")
                    for q in others { out.line(for: q, explain: explain, ansi: false); try flush() }
                    out.put("\n")
                }
            }
            for d in article.diagnostics { out.put("note: \(readable(d, in: article))\n"); try flush() }
            try flush(force: true)
        }
    }

    /// A diagnostic with its place as a paragraph number (the first after the title is 1)
    /// instead of a byte offset, which means nothing to a reader.
    public static func readable(_ d: Diagnostic, in article: Article) -> String {
        guard let offset = d.byteOffset, d.code != .utf16 else { return d.message }
        let paras = article.paragraphs
        guard !paras.isEmpty else { return d.message }
        // The last paragraph starting at or before the offset (paragraphs are in text order).
        var lo = 0, hi = paras.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paras[mid].range.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        let p = max(0, lo - 1)
        let place = paras[p].isTitle ? "in the title" : "in paragraph \(p + (paras[0].isTitle ? 0 : 1))"
        return d.message.replacingAll("at byte \(offset)", with: place)
    }

    /// Named people and officials first (in order of first mention), then organisations,
    /// then anonymous sources.
    public static func orderedSpeakers(_ article: Article) -> [Speaker] {
        orderedSpeakerIndices(article).map { article.speakers[$0] }
    }

    /// `orderedSpeakers` as indices into `article.speakers` (sorting the keys, not the
    /// speakers: a speaker is many strings and arrays).
    static func orderedSpeakerIndices(_ article: Article) -> [Int] {
        func rank(_ kind: SpeakerKind) -> Int { kind == .person ? 0 : kind == .organization ? 1 : 2 }
        var keys: [(rank: Int, start: Int, index: Int)] = []
        for (i, s) in article.speakers.enumerated() where !s.statements.isEmpty {
            keys.append((rank(s.kind), s.firstMention.start, i))
        }
        keys.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.start < $1.start }
        return keys.map(\.index)
    }

    static func line(for q: Quotation, in article: Article, explain: Bool, ansi: Bool = false, esc: String = "\u{1B}") -> String {
        var text = article.text
        return text.withUTF8 { u in
            var out = ListingBytes(text: u, esc: esc)
            out.line(for: q, explain: explain, ansi: ansi)
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }

    /// A quotation's words on one line: its parts (over several paragraphs) and the line
    /// breaks inside them shown as " ¶ ". Built on the bytes: the same as joining the parts
    /// with "\n" and replacing every "\n" character (a CR LF pair is one character, kept).
    static func flattened(_ q: Quotation, in article: Article) -> String {
        var text = article.text
        return text.withUTF8 { u in
            var out = ListingBytes(text: u, esc: "")
            out.flattened(q)
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }

    static func format2(_ d: Double) -> String {
        let v = Int((d * 100).rounded())
        return "\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
    }
}

/// The listing's bytes as they are made: the article's UTF-8 is read in place and a
/// quotation's words go from it into `bytes` with no `String` in between.
struct ListingBytes {
    let text: UnsafeBufferPointer<UInt8>
    let esc: String
    var bytes: [UInt8] = []
    /// The parts of a quotation over several paragraphs, joined (kept between quotations).
    private var joined: [UInt8] = []

    init(text: UnsafeBufferPointer<UInt8>, esc: String) {
        self.text = text
        self.esc = esc
    }

    mutating func put(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func put(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// `  • “words”` or `  • (reported) words`, the kind when it is neither, and with
    /// `explain` the rule, the cue and the confidence on a line of their own.
    mutating func line(for q: Quotation, explain: Bool, ansi: Bool) {
        put("  • ")
        if ansi && q.kind == .direct { put(esc); put("[1m") }
        if ansi && q.kind == .indirect { put(esc); put("[4m") }
        if q.kind == .indirect { put("(reported) ") } else { put("“") }
        flattened(q)
        if q.kind != .indirect { put("”") }
        if ansi && (q.kind == .direct || q.kind == .indirect) { put(esc); put("[0m") }
        if q.kind != .direct && q.kind != .indirect { put(" ["); put(q.kind.rawValue); put("]") }
        put("\n")
        if explain {
            put("      rule "); put(q.attribution.rule.rawValue); put(", ")
            if let cue = q.attribution.cue { put("cue “"); put(cue.text); put("” at "); put(String(cue.range.start)) } else { put("no cue") }
            put(", confidence "); put(ArticleListing.format2(q.attribution.confidence)); put("\n")
        }
    }

    /// The quotation's parts joined by a line feed, every line feed shown as " ¶ ".
    mutating func flattened(_ q: Quotation) {
        let u = text
        @inline(__always) func part(_ r: TextRange) -> UnsafeBufferPointer<UInt8> {
            let lo = max(0, min(r.start, u.count)), hi = max(lo, min(r.end, u.count))
            return UnsafeBufferPointer(rebasing: u[lo..<hi])
        }
        guard let segments = q.extraSegments else {
            TerminalText.replacingLineFeeds(in: part(q.range), with: " ¶ ", into: &bytes)
            return
        }
        joined.removeAll(keepingCapacity: true)
        for (j, r) in segments.enumerated() {
            if j > 0 { joined.append(0x0A) }
            joined.append(contentsOf: part(r))
        }
        joined.withUnsafeBufferPointer { TerminalText.replacingLineFeeds(in: $0, with: " ¶ ", into: &bytes) }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        if let fast = replacingASCII(target, with: replacement) { return fast }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// `replacingAll` on the bytes, for an ASCII target without CR or LF, when every match
    /// has ASCII (or nothing) on both sides: then each match is whole characters, as the
    /// character-level split sees it. Nil when that does not hold.
    private func replacingASCII(_ target: String, with replacement: String) -> String? {
        let t = Array(target.utf8)
        guard !t.isEmpty, t.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        var text = self
        return text.withUTF8 { u -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var i = 0, run = 0
            let n = u.count, m = t.count
            while i + m <= n {
                guard u[i] == t[0], (1..<m).allSatisfy({ u[i + $0] == t[$0] }) else { i += 1; continue }
                guard (i == 0 || u[i - 1] < 0x80) && (i + m == n || u[i + m] < 0x80) else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                out.append(contentsOf: replacement.utf8)
                i += m; run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Words quoted per speaker against the article's own (narration), for the listing's bars.
public struct VoiceShare {
    let total: Int
    let narration: Int
    /// The article's text, counted in place (a native string's UTF-8, not a copy of it).
    private var text: String

    /// Words of each statement (0 for the quotations that are none), counted once here for
    /// the narration and then summed per speaker.
    private var statementWords: [Int] = []

    init(_ article: Article) {
        text = article.text
        text.makeContiguousUTF8()
        var total = 0, quoted = 0
        var counts = [Int](repeating: 0, count: article.quotations.count)
        text.withUTF8 { b in
            total = VoiceShare.words(in: b, from: 0, to: b.count)
            for (i, q) in article.quotations.enumerated() where q.kind.isStatement {
                var n = 0
                q.forEachSegment { n += VoiceShare.count(b, $0.start, $0.end) }
                counts[i] = n
                quoted += n
            }
        }
        self.total = total
        narration = max(0, total - quoted)
        statementWords = counts
    }

    func words(of s: Speaker, in article: Article) -> (quoted: Int, reported: Int) {
        var q = 0, r = 0
        var text = self.text
        text.withUTF8 { b in
            for i in s.statements {
                let quotation = article.quotations[i]
                var n = 0
                if quotation.kind.isStatement && i < statementWords.count {
                    n = statementWords[i]
                } else {
                    quotation.forEachSegment { n += VoiceShare.count(b, $0.start, $0.end) }
                }
                if quotation.kind == .indirect { r += n } else { q += n }
            }
        }
        return (q, r)
    }

    func percent(_ n: Int) -> Int { total > 0 ? (n * 100 + total / 2) / total : 0 }

    /// 20 cells for the whole article: █ quoted, ▒ reported, ░ the rest.
    func bar(_ quoted: Int, _ reported: Int) -> String {
        var bytes: [UInt8] = []
        bar(quoted, reported, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bar(quoted, reported)`'s UTF-8 appended to `bytes` (each block is three bytes:
    /// E2 96 88, 92 or 91), no `String` made.
    func bar(_ quoted: Int, _ reported: Int, into bytes: inout [UInt8]) {
        let width = 20
        var q = total > 0 ? (quoted * width + total / 2) / total : 0
        var r = total > 0 ? (reported * width + total / 2) / total : 0
        if quoted > 0 && q == 0 { q = 1 }
        if reported > 0 && r == 0 { r = 1 }
        r = min(r, width - q)
        func cells(_ n: Int, _ last: UInt8) {
            for _ in 0..<max(0, n) { bytes.append(0xE2); bytes.append(0x96); bytes.append(last) }
        }
        cells(q, 0x88)
        cells(r, 0x92)
        cells(width - q - r, 0x91)
    }

    static func count(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        words(in: b, from: max(0, from), to: min(b.count, to))
    }

    /// Words in bytes `from..<to`: runs of letters and digits (any non-ASCII byte counts as a
    /// letter), an inner apostrophe or hyphen keeping a word whole. Shared with the reader's
    /// share-of-voice bars so that the pane and `--list` agree.
    ///
    /// Sixty-four bytes at a time: four sixteen-byte vector tests give one bit per byte for
    /// "in a word by itself" (`w`: a letter, digit or non-ASCII byte) and one for "joins"
    /// (`j`: an apostrophe or hyphen). A byte is in a word when it is in `w`, or in `j` right
    /// after a byte in a word: adding the seeds to the runs of `w | j` carries from each seed
    /// to the end of its run. A word starts at a byte of `w` whose previous byte is in none.
    /// (The last byte's state carries into the next block; the tail goes byte by byte.)
    public static func words(in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var n = 0
        var inWord: UInt64 = 0   // 1 when the byte before `i` is in a word
        var i = from
        if let base = b.baseAddress {
            let a = Bytes16.Vector(repeating: 0x61), letters = Bytes16.Vector(repeating: 26)
            let zero = Bytes16.Vector(repeating: 0x30), digits = Bytes16.Vector(repeating: 10)
            let caseBit = Bytes16.Vector(repeating: 0x20), ascii = Bytes16.Vector(repeating: 0x7F)
            let apostrophe = Bytes16.Vector(repeating: 0x27), hyphen = Bytes16.Vector(repeating: 0x2D)
            while i + 64 <= end {
                var w: UInt64 = 0, j: UInt64 = 0
                for k in 0..<4 {
                    let x = Bytes16.load(base + i + 16 &* k)
                    let word = (((x | caseBit) &- a) .< letters) .| ((x &- zero) .< digits) .| (x .> ascii)
                    let join = (x .== apostrophe) .| (x .== hyphen)
                    w |= bits(word) &<< UInt64(16 &* k)
                    j |= bits(join) &<< UInt64(16 &* k)
                }
                if j == 0 {
                    // No apostrophe or hyphen (most blocks): the bytes in a word are `w`.
                    n &+= (w & ~((w &<< 1) | inWord)).nonzeroBitCount
                    inWord = w &>> 63
                } else {
                    let run = w | j
                    let seeds = w | (inWord & run & 1)
                    let carries = (run &+ seeds) ^ run ^ seeds
                    let within = (carries | seeds) & run
                    n &+= (w & ~((within &<< 1) | inWord)).nonzeroBitCount
                    inWord = within &>> 63
                }
                i += 64
            }
        }
        return byteClass.withUnsafeBufferPointer { table in
            var inWord = inWord != 0
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

    /// The lanes of `m` (each all ones or all zeros) as bits 0 to 15: the top bit of each
    /// byte gathered by one multiplication per eight lanes.
    @inline(__always) private static func bits(_ m: Bytes16.Mask) -> UInt64 {
        let v = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        let lo = ((v[0] & Bytes8.highs) &* 0x0002_0408_1020_4081) &>> 56
        let hi = ((v[1] & Bytes8.highs) &* 0x0002_0408_1020_4081) &>> 56
        return lo | hi &<< 8
    }

    /// Per byte: 1 a letter or digit (any non-ASCII byte counts as a letter), 2 an apostrophe
    /// or hyphen, 0 anything else. One load a byte instead of a chain of comparisons.
    static let byteClass: [UInt8] = (0..<256).map { c -> UInt8 in
        if c >= 0x80 || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) { return 1 }
        return c == 0x27 || c == 0x2D ? 2 : 0
    }
}
