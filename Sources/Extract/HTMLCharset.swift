import Core

/// Which character encoding an HTML page is read in, the way browsers decide it
/// (WHATWG "encoding sniffing", simplified): a byte-order mark; else a declaration in
/// the first 4 KB (`<meta charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`,
/// `<?xml … encoding="…"?>`); else UTF-8 when the bytes are valid UTF-8, windows-1252
/// otherwise. Labels are mapped as browsers map them (ISO-8859-1 and ASCII mean
/// windows-1252; a UTF-16 label on a page without a BOM means UTF-8).
struct HTMLCharset {
    /// The encoding name handed to libxml2 (iconv names).
    var encoding: String
    /// The bytes to parse: the input, or UTF-8 re-encoded from UTF-16 or with invalid
    /// sequences replaced by U+FFFD.
    var bytes: [UInt8]
    var diagnostics: [Diagnostic]

    /// How far into the page a declaration is looked for.
    static let declarationWindow = 4096

    static func resolve(_ input: [UInt8]) -> HTMLCharset {
        // UTF-16 with a BOM: re-encode as UTF-8 with Core's decoder.
        if input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) {
            if let decoded = try? TextDecoder().decode(input) {
                return HTMLCharset(encoding: "UTF-8", bytes: Array(decoded.text.utf8), diagnostics: decoded.diagnostics)
            }
        }
        var body = input
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        let declared = input.starts(with: [0xEF, 0xBB, 0xBF]) ? "utf-8" : declaredLabel(body)
        var diagnostics: [Diagnostic] = []
        let offsetBase = input.count - body.count
        var encoding: String
        if let declared {
            encoding = canonicalName(declared)
            if encoding != "UTF-8" && body.contains(where: { $0 >= 0x80 }) && isValidUTF8(body) {
                // A page saved or served as UTF-8 under an old label (UTF-8 bytes labelled
                // gb2312 or iso-8859-1): text in a legacy encoding is almost never valid
                // UTF-8 by chance, so the bytes say more than the label.
                diagnostics.append(Diagnostic(severity: .note, code: .other,
                                              message: "the page declares \(declared) but its bytes are UTF-8; read as UTF-8"))
                encoding = "UTF-8"
            } else if encoding != "UTF-8" && encoding != "windows-1252" && (!Transcoder.knows(encoding) || Self.refused(encoding) || !Self.browsersDecode(encoding)) {
                let fallback = isValidUTF8(body) ? "UTF-8" : "windows-1252"
                diagnostics.append(Diagnostic(code: .other,
                                              message: "the page declares the unknown encoding \(declared); read as \(fallback)"))
                encoding = fallback
            } else if encoding != "UTF-8" {
                diagnostics.append(Diagnostic(severity: .note, code: .other,
                                              message: "decoded from \(encoding) as the page declares; offsets refer to the extracted UTF-8 text"))
            }
        } else {
            encoding = isValidUTF8(body) ? "UTF-8" : "windows-1252"
            if encoding != "UTF-8" {
                diagnostics.append(Diagnostic(severity: .note, code: .other,
                                              message: "the page declares no character encoding and is not UTF-8; read as windows-1252"))
            }
        }
        // Everything reaches libxml2 as UTF-8 (it stops at the first byte its converter
        // rejects; here such bytes become U+FFFD and the page goes on).
        switch encoding {
        case "UTF-8":
            if let bad = TextDecoder.firstInvalidUTF8Offset(body) {
                let offset = bad + offsetBase
                diagnostics.append(Diagnostic(code: .invalidBytes,
                                              message: "invalid UTF-8 bytes in the page replaced by U+FFFD, the first at byte \(offset)",
                                              byteOffset: offset))
                body = Array(String(decoding: body, as: UTF8.self).utf8)
            }
        case "windows-1252":
            body = Transcoder.fromWindows1252(body).bytes
        default:
            if let converted = Transcoder.convert(body, from: encoding) {
                if let bad = converted.firstInvalid {
                    diagnostics.append(Diagnostic(code: .invalidBytes,
                                                  message: "\(converted.invalidCount) byte\(converted.invalidCount == 1 ? "" : "s") not valid in \(encoding) replaced by U+FFFD, the first at byte \(bad + offsetBase)",
                                                  byteOffset: bad + offsetBase))
                }
                body = converted.bytes
            } else {
                body = Transcoder.fromWindows1252(body).bytes
            }
        }
        encoding = "UTF-8"
        return HTMLCharset(encoding: encoding, bytes: mappingC1References(body), diagnostics: diagnostics)
    }

    /// Numeric character references to 128–159 (`&#150;`, `&#x96;`) rewritten to the
    /// windows-1252 characters the HTML standard maps them to (`&#8211;`), which libxml2
    /// would otherwise read as C1 control characters. One pass; other bytes unchanged.
    static func mappingC1References(_ bytes: [UInt8]) -> [UInt8] {
        let amp = UInt8(ascii: "&"), hash = UInt8(ascii: "#")
        guard bytes.firstIndex(of: amp) != nil else { return bytes }
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let n = bytes.count
        while i + 3 < n {
            guard bytes[i] == amp, bytes[i + 1] == hash else { i += 1; continue }
            var j = i + 2
            var value: UInt32 = 0
            var digits = 0
            let hex = bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X")
            if hex { j += 1 }
            while j < n, digits < 8 {
                let b = bytes[j]
                let d: UInt32
                if b >= 0x30 && b <= 0x39 { d = UInt32(b - 0x30) }
                else if hex, (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { d = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                j += 1
            }
            guard digits > 0, digits < 8, let mapped = HTMLEntities.windows1252C1[value] else { i = max(j, i + 1); continue }
            if j < n, bytes[j] == UInt8(ascii: ";") { j += 1 }
            if out.isEmpty { out.reserveCapacity(n) }
            out.append(contentsOf: bytes[copied..<i])
            out.append(contentsOf: Array("&#\(mapped);".utf8))
            copied = j
            i = j
        }
        if copied == 0 { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// The encoding label the page declares in its first bytes, lower-cased.
    static func declaredLabel(_ bytes: [UInt8]) -> String? {
        let n = min(bytes.count, declarationWindow)
        var lower = [UInt8](repeating: 0, count: n)
        for i in 0..<n { let b = bytes[i]; lower[i] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        if lower.starts(with: Array("<?xml".utf8)), let end = index(of: Array("?>".utf8), in: lower, from: 0),
           let label = value(after: "encoding", in: Array(lower[0..<end])) {
            return label
        }
        var i = 0
        while let m = index(of: Array("<meta".utf8), in: lower, from: i) {
            let end = lower[m...].firstIndex(of: UInt8(ascii: ">")) ?? n
            let tag = Array(lower[m..<end])
            if let label = value(after: "charset", in: tag) { return label }
            i = end
        }
        return nil
    }

    /// The value following `name` and `=` (quoted or not) in a tag's bytes; for a
    /// `content="text/html; charset=x"` attribute, the charset inside it.
    private static func value(after name: String, in tag: [UInt8]) -> String? {
        let key = Array(name.utf8)
        var from = 0
        while let k = index(of: key, in: tag, from: from) {
            var j = k + key.count
            while j < tag.count, tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == 0x0A || tag[j] == 0x0D { j += 1 }
            guard j < tag.count, tag[j] == UInt8(ascii: "=") else { from = k + key.count; continue }
            j += 1
            while j < tag.count, tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
            var e = j
            while e < tag.count, !" \t\r\n\"';>/".utf8.contains(tag[e]) { e += 1 }
            if e > j { return String(decoding: tag[j..<e], as: UTF8.self) }
            from = j
        }
        return nil
    }

    /// False for encodings iconv knows but no browser decodes: UTF-7 and its variants
    /// (it would turn "+ADw-script+AD4-" into markup), which are treated as unknown labels.
    static func browsersDecode(_ canonical: String) -> Bool {
        let squeezed = canonical.uppercased().filter { $0 != "-" && $0 != "_" }
        return !squeezed.contains("UTF7") && !squeezed.contains("UNICODE11UTF7")
    }

    /// Browser label mapping, with names iconv and libxml2 know.
    static func canonicalName(_ label: String) -> String {
        let l = label.trimmingSpaces.lowercased()
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8",
             "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "utf-32":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            return "windows-1252"
        case "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j":
            return "SHIFT_JIS"
        case "gb2312", "gbk", "x-gbk":
            return "GBK"

        default:
            return l.uppercased()
        }
    }

    /// Encodings iconv knows but browsers never decode (the HTML standard forbids them:
    /// UTF-7 smuggles markup past filters as "+ADw-script+AD4-"): treated as unknown labels.
    static func refused(_ encoding: String) -> Bool {
        ["UTF-7", "UTF7", "UNICODE-1-1-UTF-7", "CSUNICODE11UTF7", "X-UTF-7", "UTF-7-IMAP", "HZ-GB-2312", "BOCU-1", "SCSU", "CESU-8"].contains(encoding)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { TextDecoder.firstInvalidUTF8Offset(bytes) == nil }

    private static func index(of needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = start
        let first = needle[0]
        while i + needle.count <= hay.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension TextDecoder {
    /// Byte offset of the first invalid UTF-8 sequence, or nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
