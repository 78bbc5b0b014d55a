#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Re-encodes a page as UTF-8 before libxml2 sees it, replacing bytes the encoding does
/// not define by U+FFFD and going on (libxml2 itself stops at the first such byte and
/// drops the rest of the page).
enum Transcoder {
    struct Result {
        var bytes: [UInt8]
        /// Offset in the input of the first byte that could not be converted.
        var firstInvalid: Int?
        var invalidCount: Int
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// windows-1252 as browsers read it (WHATWG): 0x80–0x9F are the typographic
    /// characters, the five unassigned ones map to the C1 controls as in the standard.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func fromWindows1252(_ input: [UInt8]) -> Result {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 8)
        for b in input {
            if b < 0x80 { out.append(b); continue }
            let v = b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt32(b)
            appendUTF8(v, to: &out)
        }
        return Result(bytes: out, firstInvalid: nil, invalidCount: 0)
    }

    /// Whether iconv knows the encoding.
    static func knows(_ encoding: String) -> Bool {
        let cd = iconv_open("UTF-8", encoding)
        if Int(bitPattern: cd) == -1 { return false }
        iconv_close(cd)
        return true
    }

    /// Any encoding iconv knows; nil when it does not know it.
    static func convert(_ input: [UInt8], from encoding: String) -> Result? {
        let cd = iconv_open("UTF-8", encoding)
        if Int(bitPattern: cd) == -1 { return nil }
        defer { iconv_close(cd) }
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 2 + 16)
        var firstInvalid: Int?
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeBufferPointer { inBuf in
            guard let base = inBuf.baseAddress else { return }
            var offset = 0
            while offset < inBuf.count {
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + offset).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count - offset
                let (status, err, written, consumed): (Int, Int32, Int, Int) = chunk.withUnsafeMutableBytes { outRaw in
                    var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    let before = inLeft
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, errno, outRaw.count - outLeft, before - inLeft)
                }
                out.append(contentsOf: chunk[0..<written])
                offset += consumed
                if status == -1 {
                    if err == E2BIG { continue }
                    // EILSEQ or EINVAL: a byte the encoding does not define, or a cut sequence.
                    if firstInvalid == nil { firstInvalid = offset }
                    invalid += 1
                    out.append(contentsOf: replacement)
                    offset += 1
                    _ = iconv(cd, nil, nil, nil, nil)     // reset the shift state
                }
            }
        }
        return Result(bytes: out, firstInvalid: firstInvalid, invalidCount: invalid)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case ..<0x80: out.append(UInt8(v))
        case ..<0x800: out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
