/// Finds what a reader types in the text, the way they mean it: letters match without regard
/// to case (Unicode, not only ASCII) and accents (`zuniga` finds “Zúñiga”), a straight `'`
/// or `"` finds curly ones, a dash finds any dash. A query mixing capitals and small letters
/// ("Lee") matches case exactly (smart case). A query with regular-expression characters
/// (`\ ^ $ * + ? ( ) [ ] { } |`) is a regular expression, as in less (case folded, accents not).
/// Matches are byte ranges into the text.
enum TextSearch {
    struct Matches: Equatable, Sendable {
        var hits: [Int] = []
        var ends: [Int] = []
        /// Why nothing could be searched (an invalid regular expression), for the status line.
        var error: String?
    }

    /// Regular-expression characters; `.` alone does not make a regex ("U.S." is literal).
    static let regexCharacters: Set<Character> = ["\\", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|"]

    static func caseSensitive(_ query: String) -> Bool {
        query.contains { $0.isUppercase } && query.contains { $0.isLowercase }
    }

    static func find(_ query: String, in text: String) -> Matches {
        guard !query.isEmpty else { return Matches() }
        let exactCase = caseSensitive(query)
        if query.contains(where: { regexCharacters.contains($0) }), let regex = try? Regex(query) {
            return findRegex(exactCase ? regex : regex.ignoresCase(), in: text)
        }
        return findLiteral(query, in: text, exactCase: exactCase)
    }

    private static func findRegex(_ regex: Regex<AnyRegexOutput>, in text: String) -> Matches {
        var out = Matches()
        let utf8 = text.utf8
        for m in text.matches(of: regex) where !m.range.isEmpty {
            out.hits.append(utf8.distance(from: utf8.startIndex, to: m.range.lowerBound))
            out.ends.append(utf8.distance(from: utf8.startIndex, to: m.range.upperBound))
            if out.hits.count >= 1_000_000 { break }
        }
        return out
    }

    private static func findLiteral(_ query: String, in text: String, exactCase: Bool) -> Matches {
        var needle: [UInt32] = []
        for s in query.unicodeScalars { if let f = fold(s.value, exactCase: exactCase) { needle.append(f) } }
        guard let first = needle.first else { return Matches() }
        var text = text
        return text.withUTF8 { hay in
            var out = Matches()
            let count = hay.count
            var i = 0
            while i < count {
                let b = hay[i]
                if b & 0xC0 == 0x80 { i += 1; continue }   // continuation byte
                let (v, len) = b < 0x80 ? (UInt32(b), 1) : decode(hay, at: i)
                if fold(v, exactCase: exactCase) == first {
                    // Match the rest of the needle against the folded scalars that follow.
                    var j = 1
                    var k = i + len
                    while j < needle.count && k < count {
                        let (w, l) = hay[k] < 0x80 ? (UInt32(hay[k]), 1) : decode(hay, at: k)
                        k += l
                        guard let f = fold(w, exactCase: exactCase) else { continue }
                        if f != needle[j] { break }
                        j += 1
                    }
                    if j == needle.count {
                        // Combining marks right after the match belong to its last letter.
                        while k < count, hay[k] >= 0x80 {
                            let (w, l) = decode(hay, at: k)
                            guard fold(w, exactCase: exactCase) == nil else { break }
                            k += l
                        }
                        out.hits.append(i)
                        out.ends.append(k)
                        i = k
                        continue
                    }
                }
                i += len
            }
            return out
        }
    }

    /// Decodes the UTF-8 scalar starting at `i` (the text is valid UTF-8: a Swift String).
    @inline(__always)
    static func decode(_ hay: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(hay[i])
        let n = hay.count
        if b < 0xE0, i + 1 < n { return ((b & 0x1F) << 6 | UInt32(hay[i + 1] & 0x3F), 2) }
        if b < 0xF0, i + 2 < n { return ((b & 0x0F) << 12 | UInt32(hay[i + 1] & 0x3F) << 6 | UInt32(hay[i + 2] & 0x3F), 3) }
        if i + 3 < n {
            return ((b & 0x07) << 18 | UInt32(hay[i + 1] & 0x3F) << 12 | UInt32(hay[i + 2] & 0x3F) << 6 | UInt32(hay[i + 3] & 0x3F), 4)
        }
        return (b, 1)
    }

    /// A scalar as search compares it; nil for a combining mark (ignored, like the accent it is).
    @inline(__always)
    static func fold(_ v: UInt32, exactCase: Bool) -> UInt32? {
        if v < 0x80 { return !exactCase && v >= 65 && v <= 90 ? v + 32 : v }
        if v >= 0x300 && v <= 0x36F { return nil }
        switch v {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x00B4, 0x0060: return 0x27   // ’ ‘ ‚ ‛ ′ ʼ ´ `
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return 0x22           // “ ” „ ‟ ″ « »
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return 0x2D           // dashes, minus
        case 0x00A0, 0x2007, 0x202F: return 0x20                                            // no-break spaces
        default: break
        }
        var s = v
        if let base = baseLetter[s] { s = base }
        if !exactCase, let scalar = Unicode.Scalar(s), scalar.properties.changesWhenLowercased {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first { s = l.value }
        }
        return s
    }

    /// Letters with diacritics and their base letter (Latin-1, Latin Extended-A and the
    /// Romanian commas): data, not code.
    static let baseLetter: [UInt32: UInt32] = {
        let table: [(String, Character)] = [
            ("ÀÁÂÃÄÅĀĂĄǍ", "A"), ("àáâãäåāăąǎ", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"),
            ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐǑ", "O"), ("òóôõöøōŏőǒ", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠȘ", "S"), ("śŝşšș", "s"), ("ŢŤŦȚ", "T"), ("ţťŧț", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲǓ", "U"), ("ùúûüũūŭůűųǔ", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"),
        ]
        var out: [UInt32: UInt32] = [:]
        for (letters, base) in table {
            for s in letters.unicodeScalars { out[s.value] = base.unicodeScalars.first!.value }
        }
        return out
    }()
}
