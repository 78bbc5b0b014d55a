/// Text as it may be written where a person reads it (a terminal, a pager, a log): every
/// character that could drive a terminal or reorder what is shown is replaced by a visible
/// symbol. Used for every human-readable output of Voices (listings, the speaker index,
/// the extracted text, every message naming a file); the reader's cells use the same symbols.
///
/// | shown as | for |
/// |---|---|
/// | ␀ … ␟ (U+2400 + code) | C0 controls U+0000–U+001F (ESC → ␛, BEL → ␇, CR → ␍) |
/// | ␡ | DEL U+007F |
/// | � | C1 controls U+0080–U+009F (a C1 CSI is an escape sequence of its own) |
/// | � | bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 |
///
/// Where line breaks belong (`keepingLineBreaks`, the default), newline, tab and a carriage
/// return right before a newline stay as they are; in a single line (a file name in a
/// message) they are replaced too. JSON is not for this: it escapes such characters itself.
public enum TerminalText {
    /// Whether the scalar must never reach a terminal as it is.
    @inlinable
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// The visible symbol shown instead of an unsafe scalar (the scalar itself when it is safe).
    public static func symbol(for s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
        if v == 0x7F { return "\u{2421}" }
        if isUnsafe(s) { return "\u{FFFD}" }
        return s
    }

    /// `text` with every unsafe scalar replaced by its symbol. Returns `text` itself (no
    /// copy) when there is nothing to replace, which is the usual case.
    public static func sanitize(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard needsSanitizing(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.utf8.count + 16)
        var pendingReturn = false   // a CR waits to see whether a newline follows
        for s in text.unicodeScalars {
            if pendingReturn {
                out.append(s == "\n" ? "\r" : symbol(for: "\r"))
                pendingReturn = false
            }
            if keepingLineBreaks {
                if s == "\n" || s == "\t" { out.append(s); continue }
                if s == "\r" { pendingReturn = true; continue }
            }
            out.append(symbol(for: s))
        }
        if pendingReturn { out.append(symbol(for: "\r")) }
        return String(out)
    }

    /// A single-line form for messages: line breaks are shown as symbols too.
    public static func line(_ text: String) -> String { sanitize(text, keepingLineBreaks: false) }

    /// A byte scan of the UTF-8 for anything to replace (fast: no scalar decoding).
    static func needsSanitizing(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { u in
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x20 {
                    if !keepingLineBreaks { return true }
                    if b == 0x0A || b == 0x09 { i += 1; continue }
                    if b == 0x0D, i + 1 < n, u[i + 1] == 0x0A { i += 2; continue }
                    return true
                }
                if b == 0x7F { return true }
                if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80, u[i + 1] < 0xA0 { return true }
                if b == 0xE2, i + 2 < n {
                    let b1 = u[i + 1], b2 = u[i + 2]
                    if b1 == 0x80, b2 >= 0xAA, b2 <= 0xAE { return true }   // U+202A–U+202E
                    if b1 == 0x81, b2 >= 0xA6, b2 <= 0xA9 { return true }   // U+2066–U+2069
                }
                i += 1
            }
            return false
        }
    }
}
