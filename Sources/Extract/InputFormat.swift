/// What kind of document a file holds, which decides how its article text is found.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// Plain text: "Title\n\nParagraph\n\nParagraph…", parsed by Core as it is.
    case text
    /// A web page: the article is extracted by `HTMLExtractor`.
    case html
    /// Markdown notes: reduced to text by `MarkdownExtractor`.
    case markdown

    /// File name extensions (lower case) and the format each names. Anything else is sniffed.
    public static let extensions: [String: InputFormat] = [
        "txt": .text, "text": .text,
        "html": .html, "htm": .html, "xhtml": .html, "shtml": .html,
        "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
    ]

    /// The format named by a path's extension, or nil when the extension says nothing.
    public static func byExtension(_ path: String) -> InputFormat? {
        // Bytes, not Characters: a folder of thousands of articles asks this for every file.
        let u = path.utf8
        let nameStart = u.lastIndex(of: 0x2F).map { u.index(after: $0) } ?? u.startIndex
        guard let dot = u[nameStart...].lastIndex(of: 0x2E), dot != nameStart else { return nil }
        return extensions[String(decoding: u[u.index(after: dot)...], as: UTF8.self).lowercased()]
    }

    /// HTML when the bytes open (after a BOM, whitespace and comments) with `<!doctype html`,
    /// `<html`, `<head` or `<body`, or `<?xml` followed by an `<html` element; text otherwise.
    /// Markdown is never guessed: plain text with a `*` list reads the same either way.
    public static func sniff<C: Collection<UInt8>>(_ bytes: C) -> InputFormat {
        var head = Array(bytes.prefix(2048))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        // UTF-16 with a BOM: look at every other byte.
        if head.starts(with: [0xFF, 0xFE]) { head = stride(from: 2, to: head.count, by: 2).map { head[$0] } }
        else if head.starts(with: [0xFE, 0xFF]) { head = stride(from: 3, to: head.count, by: 2).map { head[$0] } }
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var i = 0
        func skipSpace() { while i < lower.count, lower[i] == 0x20 || (lower[i] >= 0x09 && lower[i] <= 0x0D) { i += 1 } }
        func at(_ s: String) -> Bool { lower[i...].starts(with: Array(s.utf8)) }
        while true {
            skipSpace()
            guard i < lower.count else { return .text }
            if at("<!--") {
                guard let end = find(Array("-->".utf8), in: lower, from: i + 4) else { return .text }
                i = end + 3
            } else if at("<?xml") {
                guard let end = find(Array("?>".utf8), in: lower, from: i) else { return .text }
                i = end + 2
            } else {
                break
            }
        }
        for tag in ["<!doctype html", "<html", "<head", "<body"] where at(tag) {
            let next = i + tag.utf8.count
            if next >= lower.count || !isNameByte(lower[next]) { return .html }
        }
        return .text
    }

    /// By extension when it says, by the content otherwise.
    public static func detect<C: Collection<UInt8>>(path: String?, bytes: C) -> InputFormat {
        if let path, let f = byExtension(path) { return f }
        return sniff(bytes)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = start
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
