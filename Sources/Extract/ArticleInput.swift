import Core

/// Why a file's bytes gave no article.
public enum InputError: Error, Sendable, Hashable {
    case decoding(DecodingError)
    /// A page or Markdown file with nothing to read in it.
    case noArticleText(InputFormat)

    /// The user's words (without the file name, which the caller adds).
    public var message: String {
        switch self {
        case .decoding(let e): return e.message
        case .noArticleText(.html): return "no article text found in this web page"
        case .noArticleText(let f): return "no article text found in this \(f.rawValue) file"
        }
    }
}

/// Bytes of any input kind in, `Article` out: plain text goes straight to Core; HTML and
/// Markdown are first reduced to text (`ExtractedDocument.text`), which is what the
/// article's offsets then count into.
public enum ArticleInput {
    public static func parse(bytes: [UInt8], format: InputFormat) throws(InputError) -> Article {
        switch format {
        case .text:
            do { return try ArticleParser.parse(bytes: bytes) } catch { throw .decoding(error) }
        case .html:
            return try article(from: extract(bytes: bytes, format: format), format: format)
        case .markdown:
            return try article(from: extract(bytes: bytes, format: format), format: format)
        }
    }

    /// The extracted document of an HTML or Markdown input (plain text is read as one
    /// with no title, its paragraphs the blocks).
    public static func extract(bytes: [UInt8], format: InputFormat) throws(InputError) -> ExtractedDocument {
        switch format {
        case .html:
            try checkIsText(bytes)
            return HTMLExtractor().extract(bytes)
        case .markdown, .text:
            let decoded: DecodedText
            do { decoded = try TextDecoder().decode(bytes) } catch { throw .decoding(error) }
            if format == .text {
                let paragraphs = decoded.text.split(separator: "\n\n").map { ExtractedDocument.Block(.paragraph, String($0).collapsingWhitespace) }
                return ExtractedDocument(blocks: paragraphs.filter { !$0.text.isEmpty }, diagnostics: decoded.diagnostics)
            }
            var doc = MarkdownExtractor().extract(decoded.text)
            doc.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
            return doc
        }
    }

    /// Empty files and binary data (an image saved as .html) are refused as plain text is.
    static func checkIsText(_ bytes: [UInt8]) throws(InputError) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return }
        let sample = bytes.prefix(8192)
        if sample.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) && bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            throw .decoding(.empty)
        }
        let control = sample.reduce(0) { n, b in n + (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B ? 1 : 0) }
        let share = Double(control) / Double(sample.count)
        if share > TextDecoder().binaryThreshold { throw .decoding(.binary(controlByteShare: share)) }
    }

    public static func article(from doc: ExtractedDocument, format: InputFormat) throws(InputError) -> Article {
        guard !doc.isEmpty else { throw .noArticleText(format) }
        var article = ArticleParser.parse(doc.text)
        article.byline = doc.byline
        article.author = doc.author
        article.published = doc.date
        article.url = doc.url
        article.diagnostics.insert(contentsOf: doc.diagnostics.filter { $0.message != "no article text found in the page" }, at: 0)
        return article
    }

    /// The text Core reads for this input: what `--json` offsets count into.
    public static func text(bytes: [UInt8], format: InputFormat) throws(InputError) -> String {
        if format == .text {
            do { return try TextDecoder().decode(bytes).text } catch { throw .decoding(error) }
        }
        let doc = try extract(bytes: bytes, format: format)
        guard !doc.isEmpty else { throw .noArticleText(format) }
        return doc.text
    }
}
