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
        var text = text
        return text.withUTF8 { u in
            String(unsafeUninitializedCapacity: sanitizedLength(u, keepingLineBreaks: keepingLineBreaks)) { out in
                copySanitized(u, into: out, keepingLineBreaks: keepingLineBreaks)
            }
        }
    }

    /// Hands `body` the UTF-8 bytes `u` made safe as `sanitize` makes text safe: `u` itself
    /// when there is nothing to replace.
    public static func withSanitized<R>(_ u: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool = true,
                                        _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard needsSanitizing(u, keepingLineBreaks: keepingLineBreaks) else { return try body(u) }
        let clean = [UInt8](unsafeUninitializedCapacity: sanitizedLength(u, keepingLineBreaks: keepingLineBreaks)) { out, count in
            count = copySanitized(u, into: out, keepingLineBreaks: keepingLineBreaks)
        }
        return try clean.withUnsafeBufferPointer { try body($0) }
    }

    /// A byte-level copy of `u` (valid UTF-8) into `out` (of `sanitizedLength` bytes): runs of
    /// safe bytes go out whole, each unsafe scalar as the UTF-8 of its symbol (the patterns
    /// below are whole scalars; see `needsSanitizing`). Returns the bytes written.
    private static func copySanitized(_ u: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Int {
        var o = 0, i = 0, run = 0
        let n = u.count
        @inline(__always) func copyRun(_ upTo: Int) {
            if upTo > run {
                (out.baseAddress! + o).update(from: u.baseAddress! + run, count: upTo - run)
                o += upTo - run
            }
        }
        @inline(__always) func put(_ v: UInt32, skipping width: Int) {
            copyRun(i)
            // Every symbol is a three-byte scalar (U+2400–U+2421, U+FFFD).
            out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[o + 2] = UInt8(0x80 | (v & 0x3F))
            o += 3
            i += width
            run = i
        }
        while i < n {
            let b = u[i]
            if b < 0x20 {
                if keepingLineBreaks && (b == 0x0A || b == 0x09 || (b == 0x0D && i + 1 < n && u[i + 1] == 0x0A)) { i += 1; continue }
                put(0x2400 + UInt32(b), skipping: 1)
            } else if b == 0x7F {
                put(0x2421, skipping: 1)
            } else if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80, u[i + 1] < 0xA0 {
                put(0xFFFD, skipping: 2)
            } else if b == 0xE2, i + 2 < n, (u[i + 1] == 0x80 && u[i + 2] >= 0xAA && u[i + 2] <= 0xAE) || (u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9) {
                put(0xFFFD, skipping: 3)
            } else {
                i += 1
            }
        }
        copyRun(n)
        return o
    }

    /// The length in bytes of `sanitize`'s result: each unsafe scalar becomes a three-byte symbol.
    static func sanitizedLength(_ u: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Int {
        var length = u.count, i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            if b < 0x20 {
                if !(keepingLineBreaks && (b == 0x0A || b == 0x09 || (b == 0x0D && i + 1 < n && u[i + 1] == 0x0A))) { length += 2 }
            } else if b == 0x7F {
                length += 2
            } else if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80, u[i + 1] < 0xA0 {
                length += 1; i += 1
            }
            i += 1
        }
        return length
    }

    /// The bytes of `text` with every line feed shown as `replacement` (a CR LF pair, one
    /// character, stays as it is), as `String.replacingAll("\n", …)` would give, byte by byte.
    public static func replacingLineFeeds(in utf8: UnsafeBufferPointer<UInt8>, with replacement: StaticString, into out: inout [UInt8]) {
        var run = 0
        let n = utf8.count
        for i in 0..<n where utf8[i] == 0x0A && (i == 0 || utf8[i - 1] != 0x0D) {
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            run = i + 1
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<n])) }
    }

    /// A single-line form for messages: line breaks are shown as symbols too.
    public static func line(_ text: String) -> String { sanitize(text, keepingLineBreaks: false) }

    /// A byte scan of the UTF-8 for anything to replace (fast: no scalar decoding).
    static func needsSanitizing(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { needsSanitizing($0, keepingLineBreaks: keepingLineBreaks) }
    }

    static func needsSanitizing(_ u: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Bool {
        let n = u.count
        var i = 0
        while i < n {
            // Printable ASCII (0x20–0x7E) needs nothing: sixteen bytes at a time, straight to
            // the first byte that is something else.
            if i + 16 <= n {
                let v = Bytes16.load(u.baseAddress! + i)
                let f = Bytes16.first((v .< Bytes16.Vector(repeating: 0x20)) .| (v .>= Bytes16.Vector(repeating: 0x7F)))
                i += f
                if f == 16 { continue }
            }
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
            // A scalar's continuation bytes (0x80–0xBF) start no pattern.
            if b >= 0xC0 { while i < n && u[i] & 0xC0 == 0x80 { i += 1 } }
        }
        return false
    }
}
