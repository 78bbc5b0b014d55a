/// String helpers that work on UTF-8 bytes instead of `Character`s.
///
/// `split(separator: " ")`, `hasSuffix` and `trimming` walk grapheme clusters, which costs
/// about a hundred instructions a character; the attribution stages call them on every
/// name and role. These give the same answers on text where a space, a comma or an ASCII
/// affix is not followed by a combining mark (a mark after a space belongs to no word).
extension StringProtocol {
    /// The runs between spaces (U+0020), empty runs left out unless `omittingEmpty` is false.
    func spaceSeparated(omittingEmpty: Bool = true) -> [SubSequence] {
        var out: [SubSequence] = []
        let u = utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            if u[i] == 0x20 {
                if !omittingEmpty || i != start { out.append(self[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if !omittingEmpty || start != u.endIndex { out.append(self[start..<u.endIndex]) }
        return out
    }

    /// Whether the text ends with the bytes of `suffix`.
    func hasBytesSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return suffix.withUTF8Buffer { s in
            utf8.withContiguousStorageIfAvailable { u in
                u.count >= n && memcmpEqual(UnsafeBufferPointer(rebasing: u[(u.count - n)...]), s)
            } ?? (utf8.count >= n && utf8.suffix(n).elementsEqual(s))
        }
    }

    /// Whether the text starts with the bytes of `prefix`.
    func hasBytesPrefix(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        return prefix.withUTF8Buffer { s in
            utf8.withContiguousStorageIfAvailable { u in
                u.count >= n && memcmpEqual(UnsafeBufferPointer(rebasing: u[..<n]), s)
            } ?? (utf8.count >= n && utf8.prefix(n).elementsEqual(s))
        }
    }
}

@inline(__always) private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

extension String {
    /// The runs between spaces (U+0020) as strings, cut from the contiguous bytes.
    func spaceSeparatedStrings() -> [String] {
        let found: [String]? = utf8.withContiguousStorageIfAvailable { u in
            var out: [String] = []
            var start = 0
            func cut(_ end: Int) {
                if end > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)) }
            }
            for i in 0..<u.count where u[i] == 0x20 {
                cut(i)
                start = i + 1
            }
            cut(u.count)
            return out
        }
        return found ?? spaceSeparated().map(String.init)
    }

    /// White space (and commas) gone from both ends, scalar by scalar.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        func drop(_ u: Unicode.Scalar) -> Bool { u == "," || u.isSpaceLike }
        while lo < hi, drop(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, drop(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        if lo == scalars.startIndex && hi == scalars.endIndex { return self }
        return String(scalars[lo..<hi])
    }

    /// No-break spaces (U+00A0) made plain spaces.
    var replacingNoBreakSpaces: String {
        guard utf8.contains(0xC2) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars { out.append(u == "\u{A0}" ? " " : u) }
        return String(out)
    }

    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}

extension String.UTF8View {
    /// Whether the bytes of `needle` occur anywhere (a byte search, no `Character`s).
    func containsBytes(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        let p = needle.utf8Start
        return withContiguousStorageIfAvailable { hay -> Bool in
            guard hay.count >= n else { return false }
            for i in 0...(hay.count - n) where hay[i] == p[0] {
                var k = 1
                while k < n && hay[i + k] == p[k] { k += 1 }
                if k == n { return true }
            }
            return false
        } ?? String(self).contains(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }
}
