/// Character references and trimming, shared by the page metadata reader and the
/// Markdown front-matter reader.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "eacute": "é", "euro": "€", "pound": "£",
    ]

    /// What the HTML standard makes of the numeric references `&#128;`–`&#159;`: the
    /// windows-1252 characters at those bytes (`&#150;` is "–"), not C1 controls. The five
    /// bytes windows-1252 leaves undefined stay as they are.
    static let windows1252C1: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D,
        0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
        0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The scalar a numeric reference stands for, as browsers read it.
    static func scalar(forReference value: UInt32) -> Unicode.Scalar? {
        if let mapped = windows1252C1[value] { return Unicode.Scalar(mapped) }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Character references left in text that was escaped twice (`&amp;#8217;` in a meta
    /// tag arrives as `&#8217;`), decoded; other text as it is.
    static func decoding(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = String.UnicodeScalarView()
        let chars = Array(s.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == "&", let (decoded, next) = entity(chars, at: i) {
                out.append(contentsOf: decoded.unicodeScalars); i = next
            } else { out.append(chars[i]); i += 1 }
        }
        return String(out)
    }

    private static func entity(_ chars: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        let end = min(chars.count, i + 12)
        guard let semi = chars[i..<end].firstIndex(of: ";"), semi > i + 1 else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: chars[(i + 1)..<semi])
        let key = String(name)
        if key.hasPrefix("#") {
            let digits = key.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v = value, let s = scalar(forReference: v) else { return nil }
            return (String(Character(s)), semi + 1)
        }
        guard let e = named[key] else { return nil }
        return (e, semi + 1)
    }
}

extension Substring {
    var trimmed: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }

    var trimmingTrailingSpace: Substring {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}

extension String {
    var trimmed: String { String(Substring(self).trimmed) }
}
