/// A small JSON writer with a fixed key order (deterministic output, no Foundation).
struct JSONWriter {
    private(set) var output = ""

    mutating func raw(_ s: String) { output += s }

    mutating func string(_ s: String) {
        output += "\""
        var s = s
        s.withUTF8 { bytes in
            // Copy runs of bytes that need no escape; escape the rest. Besides ASCII controls,
            // " and \, the C1 controls (C2 80–9F) and U+2028/2029 (E2 80 A8/A9) are escaped so
            // the output is safe to paste into JavaScript and to show in a terminal.
            var runStart = 0
            var i = 0
            let n = bytes.count
            func flush(_ upTo: Int) {
                if upTo > runStart { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<upTo]), as: UTF8.self) }
            }
            while i < n {
                let b = bytes[i]
                var escape: String?
                var width = 1
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
                    switch b {
                    case 0x22: escape = "\\\""
                    case 0x5C: escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    default: escape = Self.unicodeEscape(UInt32(b))
                    }
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                    escape = Self.unicodeEscape(UInt32(bytes[i + 1])); width = 2
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    escape = Self.unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029); width = 3
                }
                if let e = escape {
                    flush(i)
                    output += e
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(n)
        }
        output += "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { output += "null" }
    }

    mutating func number(_ d: Double) {
        let rounded = (d * 1000).rounded() / 1000
        if rounded == rounded.rounded() { output += String(Int(rounded)) } else { output += String(rounded) }
    }

    mutating func strings(_ list: [String]) {
        output += "["
        for (k, s) in list.enumerated() {
            if k > 0 { output += ", " }
            string(s)
        }
        output += "]"
    }
}
