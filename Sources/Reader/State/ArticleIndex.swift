import Core

/// One row group of the speaker pane: a speaker, or everything nobody was credited with.
enum SpeakerEntry: Equatable, Hashable, Sendable {
    case speaker(Int)
    case unattributed
}

/// What the reader needs to look up quickly in one article, computed once when it opens.
struct ArticleIndex: Sendable {
    /// Speaker pane order: people by first mention, then organisations, then anonymous
    /// sources, then "unattributed" when some statements have no speaker.
    let entries: [SpeakerEntry]
    /// Statements of each entry (indices into `Article.quotations`), in text order.
    let statements: [[Int]]
    /// The quotations `]` and `[` walk: all but those nested in another one.
    let walkable: [Int]
    /// Highlight spans (one per paragraph a quotation touches, marks included), sorted by start.
    let spans: [Span]
    /// Entry index of each speaker (colour and marker follow it).
    let entryOfSpeaker: [Int: Int]

    /// Share of voice, counted on first use (`voice(of:)`).
    private let voiceMemo = VoiceMemo()

    struct Span: Equatable, Sendable {
        var start: Int
        var end: Int
        var quotation: Int
    }

    init(_ article: Article) {
        func rank(_ s: Speaker) -> Int { s.kind == .person ? 0 : s.kind == .organization ? 1 : 2 }
        var statementsOf = Array(repeating: [Int](), count: article.speakers.count)
        var orphans: [Int] = []
        var walkable: [Int] = []
        walkable.reserveCapacity(article.quotations.count)
        for (i, q) in article.quotations.enumerated() {
            if q.kind != .nested { walkable.append(i) }
            guard q.kind.isStatement else { continue }
            if let s = q.speaker, s >= 0, s < article.speakers.count { statementsOf[s].append(i) }
            else { orphans.append(i) }
        }
        self.walkable = walkable
        let speakers = article.speakers.indices.filter { !statementsOf[$0].isEmpty }.sorted {
            let a = article.speakers[$0], b = article.speakers[$1]
            return rank(a) != rank(b) ? rank(a) < rank(b) : a.firstMention.start < b.firstMention.start
        }
        var entries = speakers.map { SpeakerEntry.speaker($0) }
        var statements = speakers.map { statementsOf[$0] }
        if !orphans.isEmpty { entries.append(.unattributed); statements.append(orphans) }
        self.entries = entries
        self.statements = statements
        var bySpeaker: [Int: Int] = [:]
        for (i, e) in entries.enumerated() { if case .speaker(let s) = e { bySpeaker[s] = i } }
        entryOfSpeaker = bySpeaker

        var spans: [Span] = []
        spans.reserveCapacity(article.quotations.count)
        for q in article.quotations {
            let segs = q.segments.isEmpty ? [q.range] : q.segments
            for (i, seg) in segs.enumerated() {
                let start = i == 0 ? min(seg.start, q.outerRange.start) : seg.start
                let end = i == segs.count - 1 ? max(seg.end, q.outerRange.end) : seg.end
                spans.append(Span(start: start, end: end, quotation: q.id))
            }
        }
        // Quotations come in text order, so the spans mostly do too: sort only when needed.
        func before(_ a: Span, _ b: Span) -> Bool { a.start != b.start ? a.start < b.start : a.end > b.end }
        var sorted = true
        for i in spans.indices.dropFirst() where before(spans[i], spans[i - 1]) { sorted = false; break }
        if !sorted { spans.sort(by: before) }
        self.spans = spans
    }

    /// The entry a quotation belongs to (its speaker's, or "unattributed"), if it is a statement.
    func entry(of q: Quotation) -> Int? {
        guard q.kind.isStatement else { return nil }
        if let s = q.speaker, let e = entryOfSpeaker[s] { return e }
        return entries.last == .unattributed ? entries.count - 1 : nil
    }

    /// Spans inside a paragraph's range (spans never cross paragraphs), outer before inner.
    func spans(in range: TextRange) -> ArraySlice<Span> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var lo = 0, hi = spans.count
            while lo < hi { let mid = (lo + hi) / 2; if spans[mid].start < offset { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let lo = firstIndex(startingAtOrAfter: range.start)
        let hi = firstIndex(startingAtOrAfter: range.end + 1)
        return spans[lo..<max(lo, hi)]
    }

    /// Words each entry is quoted with (in quotation marks vs reported), and the article's own
    /// narration (every other word) as the reference.
    func voice(of article: Article) -> Voice { voiceMemo.get { Voice(article: article, index: self) } }
}

/// How many words each speaker gets, against the words the article says in its own voice.
struct Voice: Sendable {
    struct Share: Sendable, Equatable {
        var quoted = 0
        var reported = 0
        var total: Int { quoted + reported }
    }
    /// One per `ArticleIndex.entries`.
    var entries: [Share]
    /// Words not in any statement: the writer's own.
    var narration: Int
    /// Every word of the article.
    var total: Int

    init(article: Article, index: ArticleIndex) {
        var text = article.text
        func words(_ r: TextRange) -> Int {
            text.withUTF8 { Voice.countWords($0, from: max(0, r.start), to: min($0.count, r.end)) }
        }
        entries = index.statements.map { list in
            var share = Share()
            for q in list {
                let quotation = article.quotations[q]
                let n = quotation.segments.reduce(0) { $0 + words($1) }
                if quotation.kind == .indirect { share.reported += n } else { share.quoted += n }
            }
            return share
        }
        total = text.withUTF8 { Voice.countWords($0, from: 0, to: $0.count) }
        narration = max(0, total - entries.reduce(0) { $0 + $1.total })
    }

    /// Words in bytes `from..<to`, counted as `--list` counts them.
    static func countWords(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        VoiceShare.words(in: b, from: from, to: to)
    }
}

final class VoiceMemo: @unchecked Sendable {
    private var value: Voice?
    func get(_ make: () -> Voice) -> Voice {
        if let value { return value }
        let v = make()
        value = v
        return v
    }
}
