/// The one public entry point: text in, `Article` out.
///
/// Stages, each a struct with one verb, run in order:
/// `StructureScanner.scan` (title, paragraphs) → `SentenceSplitter.split` →
/// `QuotationScanner.scan` (marked quotations) → `SpeakerAttributor.attribute`
/// (mentions, speakers, cues, reported speech, kinds).
public enum ArticleParser {
    /// Parse already-decoded text.
    public static func parse(_ text: String) -> Article {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { buffer in
            parse(text: text, bytes: buffer)
        } ?? parse(text: text, bytes: Array(text.utf8).withUnsafeBufferPointer { $0 })
    }

    /// Decode bytes (UTF-8 or UTF-16 with a BOM) and parse them.
    public static func parse(bytes: [UInt8]) throws(DecodingError) -> Article {
        parse(try TextDecoder().decode(bytes))
    }

    /// Parse decoded text; the decoding's diagnostics come first.
    public static func parse(_ decoded: DecodedText) -> Article {
        var article = parse(decoded.text)
        article.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
        return article
    }

    /// Every candidate reported clause of `text` with the features the filter weighed and
    /// whether it was kept (for `bench/reported-model/train.py`).
    public static func reportedCandidates(_ text: String) -> [ReportedCandidate] {
        var text = text
        text.makeContiguousUTF8()
        var out: [ReportedCandidate] = []
        _ = text.utf8.withContiguousStorageIfAvailable { buffer in
            _ = parse(text: text, bytes: buffer, candidates: &out)
        }
        return out
    }

    static func parse(text: String, bytes: UnsafeBufferPointer<UInt8>) -> Article {
        var none: [ReportedCandidate]? = nil
        return parse(text: text, bytes: bytes, candidates: &none)
    }

    static func parse(text: String, bytes: UnsafeBufferPointer<UInt8>, candidates: inout [ReportedCandidate]) -> Article {
        var some: [ReportedCandidate]? = []
        let article = parse(text: text, bytes: bytes, candidates: &some)
        candidates = some ?? []
        return article
    }

    private static func parse(text: String, bytes: UnsafeBufferPointer<UInt8>, candidates: inout [ReportedCandidate]?) -> Article {
        let source = Source(bytes: bytes)
        let structure = StructureScanner().scan(source)
        var diagnostics = structure.diagnostics
        let blocks = structure.paragraphs.enumerated().map { index, range in
            Paragraph(range: range, sentences: 0..<0, isTitle: index == structure.titleIndex)
        }
        let marked = QuotationScanner().scan(source, paragraphs: blocks, diagnostics: &diagnostics)
        let pack = LanguagePack.detect(text)
        let split = SentenceSplitter(pack: pack).split(source, paragraphs: blocks, quotations: marked)
        var attributor = SpeakerAttributor(pack: pack)
        attributor.collectCandidates = candidates != nil
        let attributed = attributor.attribute(source, paragraphs: split.paragraphs,
                                              sentences: split.sentences, quotations: marked)
        if candidates != nil { candidates = attributed.candidates }
        return Article(text: text, title: structure.title, paragraphs: split.paragraphs,
                       sentences: split.sentences, quotations: attributed.quotations,
                       speakers: attributed.speakers, diagnostics: diagnostics)
    }
}
