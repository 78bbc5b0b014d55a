/// A small JSON writer with a fixed key order (deterministic output, no Foundation).
///
/// It writes UTF-8 bytes into a buffer: strings are copied in runs of bytes that need no
/// escape, so text from the article goes out at memcpy speed (an earlier version appended
/// scalar by scalar to a `String`, which was 70% of `voices --json`'s instructions).
/// Escapes: `"` `\` and \n \r \t as short escapes; other C0 controls, DEL, C1 controls
/// (U+0080–U+009F) and U+2028/U+2029 as `\u00XX`-style escapes, so the output is plain
/// ASCII-safe JSON that no terminal or JavaScript parser trips over.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A string known to need no escaping (an enum's raw value).
    mutating func raw(string s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            bytes.append(0x22)
            escaped(buf)
            bytes.append(0x22)
        }
    }

    /// The bytes of `buf` (valid UTF-8) escaped for a JSON string, without the quotes.
    mutating func escaped(_ buf: UnsafeBufferPointer<UInt8>) {
        var run = 0
        var i = 0
        let n = buf.count
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<upTo])) }
        }
        while i < n {
            let b = buf[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b < 0x7F { i += 1; continue }
            switch b {
            case 0x22, 0x5C:
                flush(i); bytes.append(0x5C); bytes.append(b); i += 1; run = i
            case 0x0A:
                flush(i); bytes.append(0x5C); bytes.append(0x6E); i += 1; run = i
            case 0x0D:
                flush(i); bytes.append(0x5C); bytes.append(0x72); i += 1; run = i
            case 0x09:
                flush(i); bytes.append(0x5C); bytes.append(0x74); i += 1; run = i
            case 0x00..<0x20, 0x7F:
                flush(i); unicodeEscape(UInt32(b)); i += 1; run = i
            case 0xC2 where i + 1 < n && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9F:
                flush(i); unicodeEscape(UInt32(buf[i + 1])); i += 2; run = i
            case 0xE2 where i + 2 < n && buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9):
                flush(i); unicodeEscape(buf[i + 2] == 0xA8 ? 0x2028 : 0x2029); i += 3; run = i
            default:
                i += 1
            }
        }
        flush(n)
    }

    private mutating func unicodeEscape(_ v: UInt32) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x5C); bytes.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ v: Int) {
        if v < 0 { bytes.append(0x2D) }
        let m = v.magnitude
        if m < 10 { bytes.append(UInt8(truncatingIfNeeded: m) &+ 0x30); return }
        var div: UInt = 1
        while m / div >= 10 { div &*= 10 }
        var rest = m
        while div > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest / div) &+ 0x30)
            rest %= div
            div /= 10
        }
    }

    /// The text of `range` in `utf8` (the article's bytes), escaped.
    mutating func slice(_ utf8: UnsafeBufferPointer<UInt8>, _ range: TextRange) {
        let lo = max(0, min(range.start, utf8.count)), hi = max(lo, min(range.end, utf8.count))
        escaped(UnsafeBufferPointer(rebasing: utf8[lo..<hi]))
    }

    /// Hands the buffer to `sink` once it holds `threshold` bytes or more (or always when `force`).
    mutating func flush(threshold: Int, force: Bool = false, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard force || bytes.count >= threshold else { return }
        try bytes.withUnsafeBufferPointer { try sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Numbers already written as text (confidences take a handful of values; printing a
    /// `Double` is costly), by their bits.
    private var numberText: [UInt64: [UInt8]] = [:]

    mutating func number(_ d: Double) {
        let rounded = (d * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { int(Int(rounded)); return }
        if let known = numberText[rounded.bitPattern] { bytes.append(contentsOf: known); return }
        let text = Array(String(rounded).utf8)
        if numberText.count < 256 { numberText[rounded.bitPattern] = text }
        bytes.append(contentsOf: text)
    }

    mutating func strings(_ list: [String]) {
        bytes.append(0x5B)
        for (k, s) in list.enumerated() {
            if k > 0 { raw(", ") }
            string(s)
        }
        bytes.append(0x5D)
    }
}
