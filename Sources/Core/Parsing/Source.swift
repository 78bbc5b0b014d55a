/// Eight bytes read as one integer (the first byte lowest) and tested all at once: the
/// scanners, the tokenizer, the word keys and the JSON writer skip plain ASCII this way.
/// Each test gives a word whose top bit is set in the bytes that pass it.
enum Bytes8 {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p` (any alignment).
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Zero bytes of `v`, by the classic `(v - 0x01…) & ~v & 0x80…`: exact for the lowest
    /// zero byte (a borrow may mark a byte above it too), so "any" and "the first" are right.
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    /// Bytes equal to `b`.
    @inline(__always) static func bytes(_ x: UInt64, equalTo b: UInt8) -> UInt64 { zeroBytes(x ^ (ones &* UInt64(b))) }

    /// The bytes of `x` equal to `b`, exact for every byte (no borrow runs from one byte into
    /// the next, unlike `bytes(_:equalTo:)`): the low seven bits are added apart from the top one.
    @inline(__always) static func bytes(_ x: UInt64, exactly b: UInt8) -> UInt64 {
        let t = x ^ (ones &* UInt64(b))
        return ~(((t & ~highs) &+ ~highs) | t) & highs
    }

    /// Bytes below `n` (at most 0x80), in the same sense as `zeroBytes`.
    @inline(__always) static func bytes(_ x: UInt64, below n: UInt8) -> UInt64 { (x &- ones &* UInt64(n)) & ~x & highs }

    /// Bytes whose low seven bits are an ASCII letter (callers rule out bytes from 0x80 with
    /// `x` itself): with 0x20 added, adding 0x1F sets the top bit from a on and adding 0x05
    /// from z + 1 on (top bits cleared first, so nothing carries).
    @inline(__always) static func asciiLetters(_ x: UInt64) -> UInt64 {
        let y = (x & ~highs) | 0x2020_2020_2020_2020
        return (y &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(y &+ 0x0505_0505_0505_0505) & highs
    }
}

/// Sixteen bytes compared at once (SSE2 on x86-64, NEON on ARM): the scanners and the JSON
/// writer find the next byte of interest with a handful of vector instructions per sixteen
/// bytes. A comparison gives a mask with all bits of a lane set where a byte passes it.
enum Bytes16 {
    typealias Vector = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// The sixteen bytes at `p` (any alignment).
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> Vector {
        UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
    }

    /// Whether no lane of `m` is set.
    @inline(__always) static func none(_ m: Mask) -> Bool {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return w[0] | w[1] == 0
    }

    /// The offset of the first lane set in `m` from lane `from` on, 16 when none is. (The
    /// mask read as two words: no lane-by-lane reduction.)
    @inline(__always) static func first(_ m: Mask, from: Int = 0) -> Int {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        var lo = w[0], hi = w[1]
        if from > 0 {
            if from >= 8 { lo = 0; hi &= ~0 &<< UInt64(8 &* (from &- 8)) } else { lo &= ~0 &<< UInt64(8 &* from) }
        }
        if lo != 0 { return lo.trailingZeroBitCount &>> 3 }
        if hi != 0 { return 8 &+ hi.trailingZeroBitCount &>> 3 }
        return 16
    }

    /// The offset of the first of the sixteen bytes of `v` from 0x80 on, 16 when none is
    /// (their top bits read as two words).
    @inline(__always) static func firstHigh(_ v: Vector) -> Int {
        let w = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        let lo = w[0] & Bytes8.highs, hi = w[1] & Bytes8.highs
        if lo != 0 { return lo.trailingZeroBitCount &>> 3 }
        if hi != 0 { return 8 &+ hi.trailingZeroBitCount &>> 3 }
        return 16
    }
}

/// Read-only access to the text's UTF-8 bytes for the scanning stages.
///
/// Stages scan bytes, not `Character`s: that is what keeps Core above 100 MB/s.
/// Every offset is a UTF-8 byte offset into the text.
struct Source {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    @inline(__always) subscript(_ i: Int) -> UInt8 { bytes[i] }

    func string(_ range: TextRange) -> String {
        let lo = max(0, min(range.start, count)), hi = max(lo, min(range.end, count))
        // (Copied into a string made to its length, then checked: `String(decoding:)` builds a
        // short one a byte at a time. Both repair a broken sequence the same way.)
        return String(unsafeUninitializedCapacity: hi - lo) { out -> Int in
            guard let from = bytes.baseAddress, let to = out.baseAddress else { return 0 }
            to.update(from: from + lo, count: hi - lo)
            return hi - lo
        }
    }

    /// The scalar starting at `i` and its length in bytes (U+FFFD and 1 on a broken sequence).
    @inline(__always) func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var n = 0
        var v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { n = 2; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { n = 3; v = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { n = 4; v = UInt32(b0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + n <= count else { return ("\u{FFFD}", 1) }
        for k in 1..<n {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = v << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }

    /// The scalar ending just before `i` and its start offset.
    @inline(__always) func scalar(before i: Int) -> (Unicode.Scalar, Int)? {
        guard i > 0 else { return nil }
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 && i - j < 4 { j -= 1 }
        let (s, _) = scalar(at: j)
        return (s, j)
    }

    /// How many letters `range` holds when every one is a capital (counting stops at
    /// `limit`), or nil when one is not: "NATO" 4, "U.S." 2, "Nato" nil.
    func capitalLetters(in range: TextRange, limit: Int = .max) -> Int? {
        var letters = 0
        var k = range.start
        while k < range.end, letters < limit {
            let (u, n) = scalar(at: k)
            k += n
            guard u.isLetterLike else { continue }
            guard u.isUppercaseLike else { return nil }
            letters += 1
        }
        return letters
    }

    /// How many of the eight bytes from `i` (all in the text) are ASCII letters or digits
    /// before the first that is not (`WordKey.alphanumerics`, the tokenizer's own rule).
    @inline(__always) func asciiAlphanumerics(at i: Int) -> Int {
        WordKey.alphanumerics(Bytes8.load(bytes.baseAddress! + i))
    }

    /// Whether the byte `b` occurs in `range`.
    func contains(_ b: UInt8, in range: TextRange) -> Bool {
        var k = range.start
        while k < range.end { if bytes[k] == b { return true }; k += 1 }
        return false
    }

    /// Moves `range` inward past white space at both ends. Most ranges start and end on a
    /// letter or a mark, and many are empty (a blank line): nothing to move, a test or two at
    /// each end, in the caller (a call cost as much as the tests).
    @inline(__always) func trimmed(_ range: TextRange) -> TextRange {
        let lo = range.start, hi = range.end
        guard lo < hi else { return range }
        if bytes[lo] > 0x20, bytes[lo] != 0xC2, bytes[hi - 1] > 0x20, bytes[hi - 1] != 0xA0 { return range }
        return trimmedSpaces(range)
    }

    /// `trimmed` for a range with space (or nothing) at an end.
    @inline(never) private func trimmedSpaces(_ range: TextRange) -> TextRange {
        var lo = range.start, hi = range.end
        while lo < hi, Source.isSpaceByte(bytes[lo]) { lo += 1 }
        while hi > lo, Source.isSpaceByte(bytes[hi - 1]) { hi -= 1 }
        // Non-breaking spaces (C2 A0) at the ends.
        while hi - lo >= 2, bytes[lo] == 0xC2, bytes[lo + 1] == 0xA0 { lo += 2 }
        while hi - lo >= 2, bytes[hi - 2] == 0xC2, bytes[hi - 1] == 0xA0 { hi -= 2 }
        return TextRange(lo, hi)
    }

    /// The first offset in `i..<end` holding `a`, `b` or `c` (or, with `orHigh`, any byte of
    /// 0x80 and above), else `end`. The scanners' hot loops skip plain text with it thirty-two
    /// bytes a turn (`Bytes16`). A turn reads on past `end` while the text lasts (a hit there
    /// stands for `end`), so a paragraph's or a line's last bytes need no slower steps; only
    /// the text's last fifteen bytes go one by one.
    @inline(__always) func skip(from i: Int, to end: Int, until a: UInt8, _ b: UInt8, _ c: UInt8, orHigh: Bool) -> Int {
        guard let base = bytes.baseAddress else { return end }
        var k = i
        let va = Bytes16.Vector(repeating: a), vb = Bytes16.Vector(repeating: b), vc = Bytes16.Vector(repeating: c)
        // A lane's top bit says it is a hit: a match's lane is all ones, and a byte from 0x80
        // has it already.
        @inline(__always) func hits(_ v: Bytes16.Vector) -> Bytes16.Vector {
            let match = unsafeBitCast((v .== va) .| (v .== vb) .| (v .== vc), to: Bytes16.Vector.self)
            return orHigh ? match | v : match
        }
        while k < end && k &+ 32 <= count {
            let h0 = hits(Bytes16.load(base + k)), h1 = hits(Bytes16.load(base + k + 16))
            if Bytes16.firstHigh(h0 | h1) == 16 { k &+= 32; continue }
            let f = Bytes16.firstHigh(h0)
            return min(end, f < 16 ? k &+ f : k &+ 16 &+ Bytes16.firstHigh(h1))
        }
        while k < end {
            let y = base[k]
            if y == a || y == b || y == c || (orHigh && y >= 0x80) { return k }
            k += 1
        }
        return end
    }

    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
    }

    @inline(__always) static func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
}

extension Unicode.Scalar {
    @inline(__always) var isLetterLike: Bool {
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return Self.isAlphabetic(self)
    }

    // The property look-ups for scalars from 0x80, out of line. Inlined, they make every
    // function that tests a scalar fetch the metadata of the standard library's property
    // types (and set stack aside for their values) on each call, ASCII or not.
    //
    // Latin-1 (U+0080–U+00FF: the no-break space, « », the accented letters) and General
    // Punctuation (U+2000–U+206F: curly quotation marks, dashes, the ellipsis), most of the
    // scalars from 0x80 in news, answer without the tables. Latin-1's letters are ª µ º and
    // U+00C0–U+00FF but × and ÷; its capitals U+00C0–U+00DE but ×; the rest of its letters
    // lower case; its white space U+0085 and U+00A0. No scalar of General Punctuation is a
    // letter, has a case or is a mark; its white space is U+2000–U+200A, U+2028, U+2029,
    // U+202F and U+205F. (`ScalarPropertyTests` holds both blocks to the tables.)
    @inline(__always) static func isLatin1(_ v: UInt32) -> Bool { v &- 0x80 < 0x80 }
    @inline(__always) static func isGeneralPunctuation(_ v: UInt32) -> Bool { v &- 0x2000 < 0x70 }
    /// Whether `s`, a scalar of General Punctuation, is white space (as `isSpaceLike` says):
    /// the spaces U+2000–U+200A, the line and paragraph separators U+2028 and U+2029, and the
    /// spaces U+202F and U+205F.
    @inline(__always) static func isGeneralPunctuationSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v <= 0x200A || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F
    }
    @inline(never) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if isLatin1(v) { return v == 0xAA || v == 0xB5 || v == 0xBA || (v >= 0xC0 && v != 0xD7 && v != 0xF7) }
        return !isGeneralPunctuation(v) && s.properties.isAlphabetic
    }
    @inline(never) static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if isLatin1(v) { return v == 0xAA || v == 0xB5 || v == 0xBA || (v >= 0xDF && v != 0xF7) }
        return !isGeneralPunctuation(v) && s.properties.isLowercase
    }
    @inline(never) static func isUppercaseOrTitlecase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if isLatin1(v) { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        return !isGeneralPunctuation(v) && (s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter)
    }
    @inline(never) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if isLatin1(v) { return v == 0x85 || v == 0xA0 }
        if isGeneralPunctuation(v) { return isGeneralPunctuationSpace(s) }
        return s.properties.isWhitespace
    }
    /// A diacritic or a nonspacing mark (inside a word, it keeps the word whole).
    @inline(never) static func isDiacriticOrMark(_ s: Unicode.Scalar) -> Bool {
        !isGeneralPunctuation(s.value) && (s.properties.isDiacritic || s.properties.generalCategory == .nonspacingMark)
    }

    @inline(__always) var isDigitLike: Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always) var isWordLike: Bool { isLetterLike || isDigitLike }
    /// Invisible format characters that may sit inside a word or a name: bidi embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F), zero-width
    /// joiners (U+200C, U+200D) and the soft hyphen. They neither end a word nor start one.
    @inline(__always) var isInvisibleFormat: Bool {
        let v = value
        return (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F
            || v == 0x200C || v == 0x200D || v == 0xAD
    }

    @inline(__always) var isLowercaseLetterLike: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return Self.isLowercase(self)
    }

    @inline(__always) var isUppercaseLike: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Self.isUppercaseOrTitlecase(self)
    }

    @inline(__always) var isSpaceLike: Bool {
        if value < 0x80 { return Source.isSpaceByte(UInt8(value)) }
        return Self.isWhitespace(self)
    }
}

extension Source {
    /// Runs of bytes between separators in `range`, counted eight bytes at a time without
    /// making a string; the count stops at `limit`. The separators are the space (U+0020)
    /// alone, or with `whiteSpace` also tab, line feed and return. A run starts at each byte
    /// that is no separator after one that is (or at the start).
    func wordRuns(_ range: TextRange, upTo limit: Int, whiteSpace: Bool) -> Int {
        var n = 0
        var k = range.start
        // Bit 7 set when the byte before `k` is no separator.
        var before: UInt64 = 0
        if let base = bytes.baseAddress {
            while k + 8 <= range.end {
                let x = Bytes8.load(base + k)
                var separators = Bytes8.bytes(x, exactly: 0x20)
                if whiteSpace {
                    separators |= Bytes8.bytes(x, exactly: 0x0A) | Bytes8.bytes(x, exactly: 0x09) | Bytes8.bytes(x, exactly: 0x0D)
                }
                let inWord = ~separators & Bytes8.highs
                n += (inWord & ~(inWord << 8 | before)).nonzeroBitCount
                if n >= limit { return limit }
                before = inWord >> 56
                k += 8
            }
        }
        var inWord = before != 0
        while k < range.end {
            let b = self[k]
            let separator = b == 0x20 || (whiteSpace && (b == 0x0A || b == 0x09 || b == 0x0D))
            if !separator && !inWord {
                n += 1
                if n >= limit { break }
            }
            inWord = !separator
            k += 1
        }
        return n
    }
}
