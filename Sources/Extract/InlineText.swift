/// Collects the text of one block as HTML renders it: runs of whitespace collapse to one
/// space, leading and trailing space is dropped, invisible characters (soft hyphens,
/// zero-width spaces, byte-order marks) vanish and no-break spaces become plain spaces.
/// Counts how many of the bytes came from links (for the link density of a block).
struct InlineText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    /// Bytes that came from inside links.
    private(set) var linkBytes = 0

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends UTF-8 text (a NUL-terminated C string from the parser).
    mutating func append(cString p: UnsafePointer<UInt8>, inLink: Bool) {
        var i = 0
        let before = bytes.count
        while true {
            let b = p[i]
            if b == 0 { break }
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                pendingSpace = true
                i += 1
                continue
            case 0xC2 where p[i + 1] == 0xA0:          // U+00A0 no-break space
                pendingSpace = true; i += 2; continue
            case 0xC2 where p[i + 1] == 0xAD:          // U+00AD soft hyphen
                i += 2; continue
            case 0xE2 where p[i + 1] == 0x80 && (p[i + 2] == 0x8B || p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
                // U+200B zero-width space vanishes; U+2028/2029 line/paragraph separators are spaces.
                if p[i + 2] != 0x8B { pendingSpace = true }
                i += 3; continue
            case 0xEF where p[i + 1] == 0xBB && p[i + 2] == 0xBF:   // U+FEFF
                i += 3; continue
            default:
                break
            }
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(b)
            i += 1
        }
        if inLink { linkBytes += bytes.count - before }
    }

    mutating func append(_ s: String, inLink: Bool = false) {
        var s = s
        s.withUTF8 { buf in
            var copy = Array(buf)
            copy.append(0)
            copy.withUnsafeBufferPointer { append(cString: $0.baseAddress!, inLink: inLink) }
        }
    }

    /// A word break (a single `<br>`, the edge of an inline-block element).
    mutating func space() { pendingSpace = true }

    /// The collected text, and the share of it that was link text; then starts afresh.
    mutating func take() -> (text: String, linkDensity: Double) {
        defer { bytes.removeAll(keepingCapacity: true); pendingSpace = false; linkBytes = 0 }
        guard !bytes.isEmpty else { return ("", 0) }
        return (String(decoding: bytes, as: UTF8.self), Double(linkBytes) / Double(bytes.count))
    }
}

/// Writing a block quotation as text Core's quotation scanner reads as quoted.
enum QuotationWriting {
    static let openingMarks: Set<Character> = ["“", "\"", "«", "„", "‘", "‹", "「"]
    static let closingMarks: Set<Character> = ["”", "\"", "»", "“", "’", "›", "」"]

    /// Each paragraph opens with “, the last also closes with ” (the convention for a
    /// quotation over several paragraphs). Double marks inside become single ones, so a
    /// quote within the quotation stays nested. A quotation that already opens with a
    /// double mark is kept as it is.
    ///
    /// The attribution (a `<footer>`/`<cite>`, a closing "— Jane Doe, minister" line) is
    /// written before the first paragraph with a colon — `Jane Doe, minister: “…”` — the
    /// transcript form Core's colon rule reads, where the printed form after the quote
    /// (`“…” — Jane Doe`) is read by no rule yet.
    static func wrap(_ paragraphs: [String], attribution: String?) -> [String] {
        let paragraphs = paragraphs.filter { !$0.isEmpty }
        guard !paragraphs.isEmpty else { return [] }
        var out: [String]
        if isAlreadyQuoted(paragraphs) {
            out = paragraphs
        } else {
            out = paragraphs.map { "“" + nestInnerMarks($0) }
            out[out.count - 1] += "”"
        }
        if let attribution, !attribution.isEmpty {
            out[0] = attribution + ": " + out[0]
        }
        return out
    }

    /// A quotation that opens with a double mark already says where it starts and ends
    /// (often with its own attribution: “…,” the minister said).
    private static func isAlreadyQuoted(_ paragraphs: [String]) -> Bool {
        guard let first = paragraphs.first?.first else { return false }
        return first == "“" || first == "\"" || first == "«" || first == "„"
    }

    /// “ ” and straight double marks inside a quotation become ‘ ’.
    static func nestInnerMarks(_ s: String) -> String {
        guard s.contains(where: { $0 == "“" || $0 == "”" || $0 == "\"" }) else { return s }
        var out = ""
        var previous: Character = " "
        for c in s {
            switch c {
            case "“": out.append("‘")
            case "”": out.append("’")
            case "\"":
                out.append(previous.isWhitespace || "([{—–-".contains(previous) ? "‘" : "’")
            default: out.append(c)
            }
            previous = c
        }
        return out
    }

    /// The text of a quotation's attribution line without its leading dash:
    /// "— Jane Doe" → "Jane Doe"; nil when the line does not start with a dash.
    static func attribution(fromDashLine line: String) -> String? {
        var s = Substring(line)
        guard let c = s.first, "—–―-".contains(c) else { return nil }
        while let c = s.first, "—–―- ".contains(c) { s.removeFirst() }
        return s.isEmpty ? nil : String(s)
    }
}
