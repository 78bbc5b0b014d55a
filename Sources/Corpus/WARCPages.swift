import Extract

/// An HTTP response as a WARC `response` record holds it: status line, header fields, body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var fields: [(name: String, value: String)]
    public var body: ArraySlice<UInt8>

    public subscript(_ name: String) -> String? {
        let n = name.lowercased()
        return fields.first { $0.name.lowercased() == n }?.value
    }

    /// Parses "HTTP/1.1 200 OK" CRLF fields CRLF CRLF body (bare LFs accepted); nil when the
    /// block is not an HTTP response.
    public init?(_ block: [UInt8]) {
        guard block.starts(with: "HTTP/".utf8) else { return nil }
        var end: Int?, bodyStart = block.count
        var i = 0
        while i + 1 < block.count {
            if block[i] == 0x0A {
                if block[i + 1] == 0x0A { end = i; bodyStart = i + 2; break }
                if block[i + 1] == 0x0D, i + 2 < block.count, block[i + 2] == 0x0A { end = i; bodyStart = i + 3; break }
            }
            i += 1
        }
        let head = block[0..<(end ?? block.count)]
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { l in l.last == 0x0D ? l.dropLast() : l }
        guard let statusLine = lines.first else { return nil }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let code = Int(String(decoding: parts[1], as: UTF8.self)), (100...999).contains(code) else { return nil }
        status = code
        fields = WARCReader.parseFields(head)
        body = block[min(bodyStart, block.count)...]
    }
}

/// Which records of a WARC file are articles: HTTP `response` records with a successful
/// status and an HTML or text body. Everything else is a `Skip`, counted, never an error.
public enum WARCPages {
    public struct Page: Sendable {
        public var offset: Int
        public var targetURI: String?
        public var date: String?
        public var recordID: String?
        /// The body as served (chunked transfer and gzip/deflate content encoding undone).
        public var body: [UInt8]
        public var format: InputFormat
        /// The charset of the HTTP `Content-Type`, if any.
        public var charset: String?
    }

    /// Why a record is not an article: a kind ("not a response") and a detail ("request").
    public struct Skip: Error, Sendable, Hashable {
        public enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
            case notResponse, notHTTP, status, notText, encoding, oversized, noArticleText
            public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

            public var label: String {
                switch self {
                case .notResponse: return "not responses"
                case .notHTTP: return "not HTTP"
                case .status: return "redirects or errors"
                case .notText: return "not HTML or text"
                case .encoding: return "content encoding not read"
                case .oversized: return "larger than the record limit"
                case .noArticleText: return "no article text"
                }
            }
        }
        public var kind: Kind
        public var detail: String?

        public init(_ kind: Kind, _ detail: String? = nil) { self.kind = kind; self.detail = detail }
    }

    /// Bodies larger than this once decompressed are skipped.
    public static let maxBodyBytes = 64 << 20

    public static func classify(_ record: WARCRecord) -> Result<Page, Skip> {
        let type = record.type
        guard type == "response" else { return .failure(Skip(.notResponse, type.isEmpty ? "no WARC-Type" : type)) }
        guard let http = HTTPResponse(record.block) else { return .failure(Skip(.notHTTP)) }
        guard (200...299).contains(http.status) else { return .failure(Skip(.status, "HTTP \(http.status)")) }
        let (mime, charset) = parseContentType(http["Content-Type"])
        var body = Array(http.body)
        if let te = http["Transfer-Encoding"]?.lowercased(), te.contains("chunked") {
            body = dechunk(body)
        }
        if let ce = http["Content-Encoding"]?.lowercased().trimmingCharacters, !ce.isEmpty, ce != "identity" {
            guard ce == "gzip" || ce == "x-gzip" || ce == "deflate" else { return .failure(Skip(.encoding, ce)) }
            guard let plain = Gzip.decompress(body, limit: maxBodyBytes) else { return .failure(Skip(.encoding, "corrupt \(ce)")) }
            body = plain
        }
        let format: InputFormat
        switch mime {
        case "text/html", "application/xhtml+xml", "application/xml+xhtml": format = .html
        case "text/plain": format = .text
        case "text/markdown", "text/x-markdown": format = .markdown
        case "":
            // No Content-Type: a page if it looks like one.
            guard InputFormat.sniff(body) == .html else { return .failure(Skip(.notText, "no Content-Type")) }
            format = .html
        default:
            return .failure(Skip(.notText, mime))
        }
        return .success(Page(offset: record.offset, targetURI: record.targetURI, date: record["WARC-Date"],
                             recordID: record["WARC-Record-ID"], body: body, format: format, charset: charset))
    }

    /// "text/html; charset=UTF-8" → ("text/html", "UTF-8").
    static func parseContentType(_ value: String?) -> (mime: String, charset: String?) {
        guard let value else { return ("", nil) }
        let parts = value.split(separator: ";")
        let mime = (parts.first.map(String.init) ?? "").trimmingCharacters.lowercased()
        var charset: String?
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, String(kv[0]).trimmingCharacters.lowercased() == "charset" else { continue }
            var v = String(kv[1]).trimmingCharacters
            if v.hasPrefix("\"") || v.hasPrefix("'") { v.removeFirst() }
            if v.hasSuffix("\"") || v.hasSuffix("'") { v.removeLast() }
            if !v.isEmpty { charset = v }
        }
        return (mime, charset)
    }

    /// A chunked body joined; a malformed one is kept as far as it reads.
    static func dechunk(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            var j = i
            while j < body.count, body[j] != 0x0A { j += 1 }
            guard j < body.count else { break }
            let sizeText = String(decoding: body[i..<j], as: UTF8.self).split(separator: ";").first.map(String.init)?.trimmingCharacters ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                // Not chunked after all (a crawler that undid it but kept the header).
                return out.isEmpty ? body : out
            }
            if size == 0 { break }
            let start = j + 1
            let end = min(body.count, start + size)
            out.append(contentsOf: body[start..<end])
            i = end
            if i < body.count, body[i] == 0x0D { i += 1 }
            if i < body.count, body[i] == 0x0A { i += 1 }
        }
        return out
    }
}
