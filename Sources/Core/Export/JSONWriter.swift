/// A small JSON writer with a fixed key order (deterministic output, no Foundation).
///
/// It writes UTF-8 bytes into a buffer: strings are copied in runs of bytes that need no
/// escape, so text from the article goes out at memcpy speed (an earlier version appended
/// scalar by scalar to a `String`, which was 70% of `voices --json`'s instructions).
/// Escapes: `"` `\` and \n \r \t as short escapes; other C0 controls, DEL, C1 controls
/// (U+0080–U+009F) and U+2028/U+2029 as `\u00XX`-style escapes, so the output is plain
/// ASCII-safe JSON that no terminal or JavaScript parser trips over.
struct JSONWriter {
    let bytes: ByteBuffer

    init(capacity: Int = 0) { bytes = ByteBuffer(capacity: capacity) }

    var output: String { String(decoding: bytes.buffer, as: UTF8.self) }

    /// A literal known to need no escaping. Straight from the literal's bytes: no closure
    /// (which retained the buffer on every call) and no `memcpy` call for a few bytes.
    @inline(__always) mutating func raw(_ s: StaticString) {
        if s.hasPointerRepresentation {
            bytes.append(s.utf8Start, count: s.utf8CodeUnitCount)
        } else {
            s.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
    }

    /// A string known to need no escaping (an enum's raw value).
    mutating func raw(string s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Read in place when its bytes are contiguous (every string Core makes): a copy to make
    /// them so retained and released it.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        if s.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var s = s
            s.withUTF8 { escaped($0) }
        }
        bytes.append(0x22)
    }

    /// The bytes of `buf` (valid UTF-8) escaped for a JSON string, without the quotes.
    ///
    /// A string of at most sixteen bytes that is plain all through (most names, roles and
    /// cues) goes out in one copy, tested as one or two words: from eight bytes, its first
    /// and its last eight (they overlap below sixteen); below, its bytes gathered into one
    /// word with spaces after them. Anything else goes through `escapedRuns`.
    mutating func escaped(_ buf: UnsafeBufferPointer<UInt8>) {
        guard let p = buf.baseAddress else { return }
        let n = buf.count
        if n >= 8 {
            if n <= 16 && Self.plainASCII(Bytes8.load(p)) && Self.plainASCII(Bytes8.load(p + n - 8)) {
                bytes.append(p, count: n)
                return
            }
        } else {
            var x: UInt64 = 0x2020_2020_2020_2020 &<< UInt64(8 &* n)
            for k in 0..<n { x |= UInt64(p[k]) &<< UInt64(8 &* k) }
            if Self.plainASCII(x) {
                bytes.append(p, count: n)
                return
            }
        }
        escapedRuns(buf)
    }

    /// `escaped` for a longer string, or one with a byte to escape or to look at: runs of
    /// bytes that need no escape copied whole.
    @inline(never) private mutating func escapedRuns(_ buf: UnsafeBufferPointer<UInt8>) {
        guard let p = buf.baseAddress else { return }
        let n = buf.count
        var run = 0
        var i = 0
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<upTo])) }
        }
        while i < n {
            // Sixteen plain ASCII bytes at a time (most of an article), straight to the first
            // byte that is not plain; at the end, the last sixteen bytes with those already
            // passed left out; in a string shorter than sixteen, eight; then byte by byte.
            if i + 16 <= n {
                let f = Self.firstOdd(p + i)
                i += f
                if f == 16 { continue }
            } else if n >= 16 {
                let f = Self.firstOdd(p + n - 16, from: i - (n - 16))
                i = n - 16 + f
                if f == 16 { continue }
            } else if i + 8 <= n, Self.plainASCII(Bytes8.load(p + i)) {
                i += 8
                continue
            }
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
                // A byte of a longer sequence with nothing to escape: its continuation bytes
                // (0x80–0xBF) start no escape, so they are passed over with it.
                i += 1
                while i < n && buf[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        flush(n)
    }

    /// Whether none of the eight bytes of `x` needs an escape or a closer look: each is ASCII
    /// from 0x20 to 0x7E and neither `"` nor `\`.
    @inline(__always) static func plainASCII(_ x: UInt64) -> Bool {
        let odd = x & Bytes8.highs | Bytes8.bytes(x, below: 0x20)
            | Bytes8.bytes(x, equalTo: 0x22) | Bytes8.bytes(x, equalTo: 0x5C) | Bytes8.bytes(x, equalTo: 0x7F)
        return odd == 0
    }

    /// The offset of the first of the sixteen bytes at `p` from `from` on that is not plain
    /// ASCII (below 0x20, `"`, `\`, 0x7F or above), 16 when all are plain: `plainASCII`'s rule.
    @inline(__always) static func firstOdd(_ p: UnsafePointer<UInt8>, from: Int = 0) -> Int {
        let v = Bytes16.load(p)
        let odd = (v .< Bytes16.Vector(repeating: 0x20)) .| (v .== Bytes16.Vector(repeating: 0x22))
            .| (v .== Bytes16.Vector(repeating: 0x5C)) .| (v .>= Bytes16.Vector(repeating: 0x7F))
        return Bytes16.first(odd, from: from)
    }

    private mutating func unicodeEscape(_ v: UInt32) {
        bytes.append(0x5C); bytes.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let d = UInt8((v >> UInt32(shift)) & 0xF)
            bytes.append(d < 10 ? 0x30 + d : 0x57 + d)
        }
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    /// Inlined: the call cost a sixth of writing a number.
    @inline(__always) mutating func int(_ v: Int) {
        if v < 0 { bytes.append(0x2D) }
        bytes.appendDecimal(v.magnitude)
    }

    /// The text of `range` in `utf8` (the article's bytes), escaped.
    mutating func slice(_ utf8: UnsafeBufferPointer<UInt8>, _ range: TextRange) {
        let lo = max(0, min(range.start, utf8.count)), hi = max(lo, min(range.end, utf8.count))
        escaped(UnsafeBufferPointer(rebasing: utf8[lo..<hi]))
    }

    /// Hands the buffer to `sink` once it holds `threshold` bytes or more (or always when `force`).
    mutating func flush(threshold: Int, force: Bool = false, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard force || bytes.count >= threshold else { return }
        try sink(bytes.buffer)
        bytes.removeAll()
    }

    /// Numbers already written as text (confidences take a few dozen values; printing a
    /// `Double` is costly), by their bits in a small open-addressed table (a dictionary's
    /// hashing cost more than printing saved). Made on the first number written.
    private var numberBits: [UInt64] = []
    private var numberText: [[UInt8]] = []
    private var numbersKnown = 0

    mutating func number(_ d: Double) {
        let rounded = (d * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { int(Int(rounded)); return }
        // Not a whole number, so its bits are never 0 (+0.0), the empty slot's mark.
        let bits = rounded.bitPattern
        if numberBits.isEmpty {
            numberBits = [UInt64](repeating: 0, count: 256)
            numberText = [[UInt8]](repeating: [], count: 256)
        }
        var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 56)
        while numberBits[slot] != 0 {
            if numberBits[slot] == bits {
                numberText[slot].withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
                return
            }
            slot = (slot + 1) & 255
        }
        let text = Array(String(rounded).utf8)
        if numbersKnown < 192 {
            numberBits[slot] = bits
            numberText[slot] = text
            numbersKnown += 1
        }
        text.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    mutating func strings(_ list: [String]) {
        bytes.append(0x5B)
        for k in list.indices {
            if k > 0 { raw(", ") }
            string(list[k])
        }
        bytes.append(0x5D)
    }
}

/// A growable byte buffer written through a pointer: appending a few bytes is one copy, not
/// a call into `Array`'s generic append (a third of the JSON writer's instructions were that).
/// Owned by one writer on one thread.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far (valid until the next append).
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always) func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        append(from, count: bytes.count)
    }

    /// The `n` bytes at `from`. Up to sixteen (the JSON's keys and punctuation) are copied
    /// as two eight-byte words, or byte by byte below eight, without a call to `memcpy`.
    @inline(__always) func append(_ from: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        let to = base + count
        if n >= 8 && n <= 16 {
            // The first eight and the last eight bytes (they overlap below sixteen).
            let head = UnsafeRawPointer(from).loadUnaligned(as: UInt64.self)
            let tail = UnsafeRawPointer(from + n - 8).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(to).storeBytes(of: head, as: UInt64.self)
            UnsafeMutableRawPointer(to + n - 8).storeBytes(of: tail, as: UInt64.self)
        } else if n < 8 {
            var k = 0
            while k < n { to[k] = from[k]; k += 1 }
        } else {
            to.update(from: from, count: n)
        }
        count += n
    }

    /// `m` in decimal digits, written from the last into their places, two at a time.
    func appendDecimal(_ m: UInt) {
        let digits = Self.decimalDigits(m)
        reserve(digits)
        var k = count &+ digits
        var rest = m
        let pairs = Self.digitPairs.utf8Start
        while rest >= 100 {
            let q = rest / 100
            let r = Int(truncatingIfNeeded: rest &- q &* 100)
            k &-= 2
            base[k] = pairs[2 &* r]
            base[k &+ 1] = pairs[2 &* r &+ 1]
            rest = q
        }
        if rest >= 10 {
            let r = Int(truncatingIfNeeded: rest)
            base[k &- 2] = pairs[2 &* r]
            base[k &- 1] = pairs[2 &* r &+ 1]
        } else {
            base[k &- 1] = UInt8(truncatingIfNeeded: rest) &+ 0x30
        }
        count &+= digits
    }

    /// "00" to "99": the two digits of each number below 100.
    private static var digitPairs: StaticString { """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """ }

    /// How many decimal digits `m` has (1 for 0): up to eight by comparisons, then counted.
    @inline(__always) static func decimalDigits(_ m: UInt) -> Int {
        if m < 10_000 { return m < 100 ? (m < 10 ? 1 : 2) : (m < 1_000 ? 3 : 4) }
        if m < 100_000_000 { return m < 1_000_000 ? (m < 100_000 ? 5 : 6) : (m < 10_000_000 ? 7 : 8) }
        var digits = 9
        var bound: UInt = 1_000_000_000
        while digits < 20 && m >= bound {
            digits &+= 1
            bound = bound &* 10
        }
        return digits
    }

    func removeAll() { count = 0 }
}
