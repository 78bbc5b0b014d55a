import Testing
@testable import Core

@Suite("The JSON writer's byte-level shortcuts")
struct JSONWriterTests {
    /// The byte-by-byte rule the eight-byte test stands for.
    static func plain(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C }

    /// `count` bytes, mostly lower-case letters as in text (so that runs of plain bytes with
    /// one odd byte are common), one in `k` a byte at or around a boundary of the rule;
    /// `x` is the generator's state (a linear congruential step per byte).
    static func mixedBytes(_ count: Int, edgeOneIn k: Int, _ x: inout UInt64) -> [UInt8] {
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        var bytes: [UInt8] = []
        for _ in 0..<count {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let r = Int(x >> 33)
            bytes.append(r % k == 0 ? edges[(r / k) % edges.count] : UInt8(0x61 + (r / k) % 26))
        }
        return bytes
    }

    @Test("eight bytes are called plain exactly when each of them is")
    func plainASCII() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<50_000 {
            let bytes = Self.mixedBytes(8, edgeOneIn: 3, &x)
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(JSONWriter.plainASCII(word) == bytes.allSatisfy(Self.plain), "\(bytes)")
        }
    }

    @Test("escaping gives the same bytes whatever falls at an eight-byte boundary")
    func escapedAcrossBoundaries() {
        for odd in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "é"] {
            for at in 0..<17 {
                let text = String(repeating: "a", count: at) + odd + String(repeating: "b", count: 20 - at)
                var w = JSONWriter()
                w.string(text)
                var expected = "\"" + String(repeating: "a", count: at)
                switch odd {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\u{1}": expected += "\\u0001"
                case "\u{7F}": expected += "\\u007f"
                case "\u{85}": expected += "\\u0085"
                case "\u{2028}": expected += "\\u2028"
                default: expected += odd
                }
                expected += String(repeating: "b", count: 20 - at) + "\""
                #expect(w.output == expected, "\(odd.unicodeScalars.map(\.value)) at \(at)")
            }
        }
    }

    @Test("sixteen bytes: the first that is not plain is found, whatever its place")
    func firstOdd() {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<30_000 {
            let bytes = Self.mixedBytes(16, edgeOneIn: 7, &x)
            let found = bytes.withUnsafeBufferPointer { JSONWriter.firstOdd($0.baseAddress!) }
            #expect(found == (bytes.firstIndex { !Self.plain($0) } ?? 16), "\(bytes)")
        }
    }

    @Test("the kinds and rules are written as their raw values")
    func enumNames() {
        for k in QuotationKind.allCases { #expect(k.jsonName.description == k.rawValue) }
        for r in AttributionRule.allCases { #expect(r.jsonName.description == r.rawValue) }
        for k in [SpeakerKind.person, .organization, .anonymous] { #expect(k.jsonName.description == k.rawValue) }
    }

    @Test("every power of ten, and the numbers beside it, as String(describing:)")
    func decimalEdges() {
        var p: UInt = 1
        var values: [Int] = []
        for _ in 0..<19 {
            values += [Int(p) - 1, Int(p), Int(p) + 1, -Int(p)]
            p *= 10
        }
        for v in values + (0..<2_000).map({ $0 * 7919 % 1_000_003 }) {
            var w = JSONWriter()
            w.int(v)
            #expect(w.output == String(v))
        }
    }

    @Test("numbers are Swift's own text of the value rounded to thousandths, however many are cached")
    func numbers() {
        var w = JSONWriter()
        var expected = ""
        // More distinct values than the cache holds, each several times, in an order that
        // makes the cache both hit and drop entries.
        var values: [Double] = []
        for k in 0..<60 {
            let base: Double = Double(k % 23) / 17
            let nudge: Double = (Double(k % 3) - 1) * 0.0004
            values.append(base + nudge)
        }
        for (k, v) in (values + values.reversed() + values).enumerated() {
            if k > 0 { w.raw(","); expected += "," }
            w.number(v)
            let rounded = (v * 1000).rounded() / 1000
            expected += rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        #expect(w.output == expected)
    }

    @Test("integers are written as String(describing:) writes them", arguments: [
        0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 99_999, 100_000, 1_000_000, 9_999_999_999,
        Int.max, Int.min, Int.min + 1, -1, -10, -99, -100, -1234567,
    ])
    func integers(_ v: Int) {
        var w = JSONWriter()
        w.int(v)
        #expect(w.output == String(v))
    }
}
