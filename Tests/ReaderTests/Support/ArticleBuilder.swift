import Core
@testable import Reader

/// Builds small `Article` values by hand (our own text), so reader tests do not depend on
/// how well Core attributes today.
struct ArticleBuilder {
    struct SpeakerSpec {
        var name: String
        var role: String?
        var kind: SpeakerKind = .person
    }

    struct QuoteSpec {
        /// The quoted words as they appear in the text (the n-th occurrence, see `occurrence`).
        var words: String
        var kind: QuotationKind = .direct
        var speaker: Int?
        var occurrence = 0
        var rule: AttributionRule = .speechVerb
        var cue: String?
        var confidence = 0.9
    }

    var title: String?
    var paragraphs: [String]
    var speakers: [SpeakerSpec] = []
    var quotes: [QuoteSpec] = []

    func build() -> Article {
        var text = ""
        var paras: [Paragraph] = []
        let all = (title.map { [$0] } ?? []) + paragraphs
        for (i, p) in all.enumerated() {
            if i > 0 { text += "\n\n" }
            let start = text.utf8.count
            text += p
            paras.append(Paragraph(range: TextRange(start, text.utf8.count), sentences: 0..<0, isTitle: title != nil && i == 0))
        }
        let bytes = Array(text.utf8)
        func find(_ s: String, occurrence: Int, from: Int = 0) -> Int? {
            let needle = Array(s.utf8)
            var seen = 0
            var i = from
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<i + needle.count]) == needle {
                    if seen == occurrence { return i }
                    seen += 1
                }
                i += 1
            }
            return nil
        }
        var sps: [Speaker] = speakers.enumerated().map { i, s in
            let at = find(s.name, occurrence: 0) ?? 0
            return Speaker(id: i, name: s.name, kind: s.kind, roles: s.role.map { [$0] } ?? [],
                           firstMention: TextRange(at, at + s.name.utf8.count), mentions: [TextRange(at, at + s.name.utf8.count)])
        }
        var qs: [Quotation] = []
        for spec in quotes {
            guard let start = find(spec.words, occurrence: spec.occurrence) else { fatalError("no \(spec.words)") }
            let end = start + spec.words.utf8.count
            let open = spec.kind == .indirect ? start : start - "“".utf8.count
            let close = spec.kind == .indirect ? end : end + "”".utf8.count
            let para = paras.firstIndex { $0.range.start <= start && end <= $0.range.end } ?? 0
            var attribution = Attribution(rule: spec.speaker == nil ? (spec.kind.isStatement ? .unattributed : .notAStatement) : spec.rule,
                                          confidence: spec.speaker == nil ? 0 : spec.confidence)
            if let cue = spec.cue, let c = find(cue, occurrence: 0) {
                attribution.cue = Cue(text: cue, range: TextRange(c, c + cue.utf8.count))
            }
            if let s = spec.speaker { attribution.mention = sps[s].firstMention }
            qs.append(Quotation(id: 0, range: TextRange(start, end), outerRange: TextRange(open, close), kind: spec.kind,
                                paragraph: para, sentence: 0, speaker: spec.speaker, attribution: attribution))
        }
        qs.sort { $0.range.start < $1.range.start }
        for i in qs.indices {
            qs[i].id = i
            if let s = qs[i].speaker { sps[s].statements.append(i) }
        }
        return Article(text: text, title: title.map { TextRange(0, $0.utf8.count) }, paragraphs: paras,
                       quotations: qs, speakers: sps)
    }

    /// Three speakers (two people, one organisation), a partial quote, reported speech,
    /// scare quotes and an unattributed quote.
    static let council = ArticleBuilder(
        title: "Pier to close",
        paragraphs: [
            "The council voted to close the pier.",
            "Mayor Ann Lee called it “painful” and said: “We had no choice.”",
            "Bo Park, who chairs the users' group, said the vote was rushed. “Nobody asked us,” he said.",
            "The so-called “rescue plan” was never costed. The Harbour Office said it had “no plans”.",
            "“It is the end of an era,” one reader wrote.",
        ],
        speakers: [
            SpeakerSpec(name: "Ann Lee", role: "Mayor of the town of Port Ellery"),
            SpeakerSpec(name: "Harbour Office", kind: .organization),
            SpeakerSpec(name: "Bo Park", role: "chair of the users' group"),
        ],
        quotes: [
            QuoteSpec(words: "painful", kind: .partial, speaker: 0, rule: .sentenceSubject),
            QuoteSpec(words: "We had no choice.", speaker: 0, cue: "said:"),
            QuoteSpec(words: "the vote was rushed", kind: .indirect, speaker: 2, rule: .reportedSpeech),
            QuoteSpec(words: "Nobody asked us,", speaker: 2, rule: .pronoun, cue: "he said"),
            QuoteSpec(words: "rescue plan", kind: .scare),
            QuoteSpec(words: "no plans", kind: .partial, speaker: 1),
            QuoteSpec(words: "It is the end of an era,", speaker: nil),
        ])
}

/// Renders a state's whole screen.
func screen(_ state: ReaderState) -> CellGrid { ScreenRenderer.render(state) }

/// The grid position of the first occurrence of `text` in the rendered rows.
func locate(_ text: String, in grid: CellGrid) -> (x: Int, y: Int)? {
    for (y, line) in grid.lines.enumerated() {
        guard let r = line.range(of: text) else { continue }
        // Columns: count display width up to the match (cells dropped for continuations).
        return (DisplayWidth.of(line[line.startIndex..<r.lowerBound]), y)
    }
    return nil
}

extension String {
    func range(of s: String) -> Range<String.Index>? {
        guard !s.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(s) { return i..<index(i, offsetBy: s.count) }
            i = index(after: i)
        }
        return nil
    }
}
