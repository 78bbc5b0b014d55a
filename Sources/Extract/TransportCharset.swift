import Core

/// Pages that arrive with a transport header (an HTTP response in a WARC file): the
/// header's `charset` is used when the page itself declares none, as browsers do (a
/// byte-order mark or a declaration in the page still comes first).
extension ArticleInput {
    /// Like `parse(bytes:format:)`, with the charset named by the HTTP `Content-Type`
    /// header (`text/html; charset=windows-1251` → "windows-1251"), or nil.
    public static func parse(bytes: [UInt8], format: InputFormat, transportCharset: String?) throws(InputError) -> Article {
        guard let label = transportCharset, !label.isEmpty else {
            return try parse(bytes: bytes, format: format)
        }
        switch format {
        case .html:
            try checkIsText(bytes)
            if hasBOM(bytes) || HTMLCharset.declaredLabel(bytes) != nil { return try parse(bytes: bytes, format: format) }
            let (utf8, notes) = toUTF8(bytes, label: label, what: "page")
            var doc = HTMLExtractor().extract(utf8)
            doc.diagnostics.insert(contentsOf: notes, at: 0)
            return try article(from: doc, format: .html)
        case .text, .markdown:
            if hasBOM(bytes) { return try parse(bytes: bytes, format: format) }
            let (utf8, notes) = toUTF8(bytes, label: label, what: "text")
            var result = try parse(bytes: utf8, format: format)
            result.diagnostics.insert(contentsOf: notes, at: 0)
            return result
        }
    }

    static func hasBOM(_ b: [UInt8]) -> Bool {
        b.starts(with: [0xEF, 0xBB, 0xBF]) || b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF])
    }

    /// The bytes re-encoded as UTF-8 from the header's charset (invalid bytes become U+FFFD
    /// and are reported with the offset of the first one in the body), and the notes saying so.
    static func toUTF8(_ bytes: [UInt8], label: String, what: String) -> ([UInt8], [Diagnostic]) {
        let encoding = HTMLCharset.canonicalName(label)
        var notes: [Diagnostic] = []
        func invalid(_ count: Int, _ first: Int) {
            notes.append(Diagnostic(code: .invalidBytes,
                                    message: "\(count) byte\(count == 1 ? "" : "s") not valid in \(encoding) replaced by U+FFFD, the first at byte \(first)",
                                    byteOffset: first))
        }
        switch encoding {
        case "UTF-8":
            // Core's decoder reports invalid UTF-8 itself (for HTML, HTMLCharset does).
            return (bytes, [])
        case "windows-1252":
            notes.append(Diagnostic(severity: .note, code: .other,
                                    message: "decoded from windows-1252 as the HTTP header declares; offsets refer to the extracted UTF-8 text"))
            return (Transcoder.fromWindows1252(bytes).bytes, notes)
        default:
            guard Transcoder.knows(encoding), let converted = Transcoder.convert(bytes, from: encoding) else {
                notes.append(Diagnostic(code: .other, message: "the HTTP header declares the unknown encoding \(label); read as the \(what) says"))
                return (bytes, notes)
            }
            notes.append(Diagnostic(severity: .note, code: .other,
                                    message: "decoded from \(encoding) as the HTTP header declares; offsets refer to the extracted UTF-8 text"))
            if let first = converted.firstInvalid { invalid(converted.invalidCount, first) }
            return (converted.bytes, notes)
        }
    }
}
