import Testing
@testable import Core

@Suite("The JSON writer's byte-level shortcuts")
struct JSONWriterTests {
    /// The byte-by-byte rule the eight-byte test stands for.
    static func plain(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C }

    @Test("eight bytes are called plain exactly when each of them is")
    func plainASCII() {
        // Bytes at and around every boundary of the rule, mixed at every position.
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<50_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(x >> 33)
                // Mostly letters, as in text, so that runs of plain bytes with one odd byte are common.
                bytes.append(r % 3 == 0 ? edges[(r / 3) % edges.count] : UInt8(0x61 + (r / 3) % 26))
            }
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
