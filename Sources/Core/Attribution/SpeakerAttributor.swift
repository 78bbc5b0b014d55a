/// Credits each quotation to a speaker (placeholder until the rules land).
struct SpeakerAttributor {
    struct Result {
        var quotations: [Quotation]
        var speakers: [Speaker]
    }

    func attribute(_ source: Source, paragraphs: [Paragraph], sentences: [Sentence], quotations: [MarkedQuotation]) -> Result {
        var out: [Quotation] = []
        var s = 0
        for m in quotations {
            while s + 1 < sentences.count && sentences[s].range.end <= m.outer.start { s += 1 }
            out.append(Quotation(id: out.count, range: m.content, segments: m.segments, outerRange: m.outer,
                                 kind: m.depth > 0 ? .nested : .direct, paragraph: m.paragraph, sentence: s))
        }
        return Result(quotations: out, speakers: [])
    }
}
