/// Why bytes could not be read as an article.
public enum DecodingError: Error, Sendable, Hashable {
    /// Nothing but whitespace (or nothing at all).
    case empty
    /// Mostly NUL or control bytes: not text.
    case binary(controlByteShare: Double)

    /// The user's words for the error (without the file name, which the caller adds).
    public var message: String {
        switch self {
        case .empty:
            return "the file is empty (no text to read)"
        case .binary(let share):
            let percent = Int((share * 100).rounded())
            return "this looks like a binary file, not text (\(percent)% of the first bytes are control bytes or not UTF-8)"
        }
    }
}

/// The result of decoding: the text and what was noticed on the way.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: Encoding
    public var diagnostics: [Diagnostic]

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
    }
}

/// Turns file bytes into text: UTF-8 (a BOM skipped) or UTF-16 with a BOM; invalid bytes
/// become U+FFFD with a diagnostic naming the first byte offset; binary data is refused.
/// Line ends (LF, CRLF, CR) are kept as they are: the structure stage understands all three,
/// so offsets stay the input's own.
public struct TextDecoder: Sendable {
    /// Share of NUL/control bytes in the sample above which input is called binary.
    public var binaryThreshold: Double = 0.10
    /// How many leading bytes are sampled for the binary check.
    public var sampleSize: Int = 8192

    public init() {}

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        try bytes.withUnsafeBufferPointer { buffer throws(DecodingError) in try decode(buffer) }
    }

    /// `decode` for bytes the caller holds elsewhere (a file mapped into memory).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(DecodingError) -> DecodedText {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return try decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        try checkNotBinary(bytes, from: start)
        var diagnostics: [Diagnostic] = []
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        let text: String
        if let valid = Self.validString(body) {
            // The common case: one validating pass (ours), no repair.
            text = valid
        } else if let firstBad = Self.firstInvalidUTF8(body) {
            let count = Self.countInvalidUTF8(body)
            text = String(decoding: body, as: UTF8.self)
            diagnostics.append(Diagnostic(
                code: .invalidBytes,
                message: "\(count) invalid UTF-8 byte sequence\(count == 1 ? "" : "s") replaced by U+FFFD, the first at byte \(firstBad)",
                byteOffset: firstBad))
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { throw .empty }
        return DecodedText(text: text, encoding: .utf8, diagnostics: diagnostics)
    }

    private func checkNotBinary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(DecodingError) {
        let end = min(bytes.count, start + sampleSize)
        guard end > start else { throw .empty }
        // Control bytes alone mark binary above `binaryThreshold`; random data has about 10%
        // of them, so bytes that are not UTF-8 count too, against a looser threshold (a
        // Latin-1 text has a few per cent of them, random bytes around half).
        var control = 0, invalid = 0
        let sample = UnsafeBufferPointer(rebasing: bytes[..<end])
        var i = start
        while i < end {
            // Eight bytes at a time while they are printable ASCII: no byte of 0x80 and above,
            // none below 0x20.
            if i + 8 <= end {
                let x = Bytes8.load(bytes.baseAddress! + i)
                if x & Bytes8.highs | Bytes8.bytes(x, below: 0x20) == 0 { i += 8; continue }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
                i += 1
                continue
            }
            let n = Self.sequenceLength(sample, at: i)
            if n == 0 {
                // A sequence cut by the end of the sample is not evidence.
                if end - i < 4 && end < bytes.count { break }
                invalid += 1; i += 1
            } else { i += n }
        }
        let length = Double(end - start)
        let share = Double(control) / length
        let mixed = Double(control + invalid) / length
        if share > binaryThreshold || mixed > 3 * binaryThreshold { throw .binary(controlByteShare: max(share, mixed)) }
    }

    private func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) throws(DecodingError) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
            i += 2
        }
        var diagnostics = [Diagnostic(severity: .note, code: .utf16,
                                      message: "decoded from \(littleEndian ? "UTF-16LE" : "UTF-16BE"); offsets refer to the text re-encoded as UTF-8")]
        var firstBad: Int?
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitIndex = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s); unitIndex += s.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error:
                if firstBad == nil { firstBad = 2 + unitIndex * 2 }
                scalars.append("\u{FFFD}"); unitIndex += 1
            }
        }
        if bytes.count % 2 == 1 {
            if firstBad == nil { firstBad = bytes.count - 1 }
            scalars.append("\u{FFFD}")
        }
        if let bad = firstBad {
            diagnostics.append(Diagnostic(code: .invalidBytes,
                                          message: "invalid UTF-16 replaced by U+FFFD, the first at byte \(bad)", byteOffset: bad))
        }
        let text = String(scalars)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        let control = text.unicodeScalars.prefix(sampleSize).filter { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }.count
        let sample = min(sampleSize, text.unicodeScalars.count)
        if sample > 0, Double(control) / Double(sample) > binaryThreshold {
            throw .binary(controlByteShare: Double(control) / Double(sample))
        }
        return DecodedText(text: text, encoding: littleEndian ? .utf16LE : .utf16BE, diagnostics: diagnostics)
    }

    /// The bytes as a `String` when they are valid UTF-8, else nil. They are
    /// checked here (`isValidUTF8`: thirty-two ASCII bytes at a time, each longer sequence by the
    /// rules of `sequenceLength`) and handed to the standard library as known-valid UTF-8,
    /// which copies them without validating them again (its own validation went byte by byte
    /// over the whole text once it met a byte above 0x7F: 9 instructions a byte).
    static func validString(_ buf: UnsafeBufferPointer<UInt8>) -> String? {
        guard let ascii = isValidUTF8(buf) else { return nil }
        let span = Span(_unsafeElements: buf)
        return String(copying: UTF8Span(unchecked: span, isKnownASCII: ascii))
    }

    /// Whether `buf` is well-formed UTF-8 (nil when it is not), and if so whether it is all
    /// ASCII. Each sequence by `sequenceLength` (the standard library's rules: no overlong
    /// forms, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let p = buf.baseAddress else { return true }
        let n = buf.count
        var ascii = true
        var i = 0
        while i < n {
            // Thirty-two plain ASCII bytes a turn (most of a news text): the two halves or'ed,
            // one test of their top bits. A turn that meets a byte from 0x80 goes straight to it.
            if i + 32 <= n {
                let a = Bytes16.load(p + i), b = Bytes16.load(p + i + 16)
                if Bytes16.firstHigh(a | b) == 16 { i += 32; continue }
                let f = Bytes16.firstHigh(a)
                i += f < 16 ? f : 16 + Bytes16.firstHigh(b)
            } else if p[i] < 0x80 {
                i += 1
                continue
            }
            ascii = false
            let length = sequenceLength(buf, at: i)
            if length == 0 { return nil }
            i += length
        }
        return ascii
    }

    /// Byte offset (relative to the slice's start) of the first invalid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let n = sequenceLength(bytes, at: i)
            if n == 0 { return i }
            i += n
        }
        return nil
    }

    static func countInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0, count = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let n = sequenceLength(bytes, at: i)
            if n == 0 { count += 1; i += 1 } else { i += n }
        }
        return count
    }

    /// Length of the valid UTF-8 sequence starting at `i` (counted from the buffer's start),
    /// or 0 when it is invalid.
    @inline(__always) static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        let end = bytes.count
        @inline(__always) func cont(_ j: Int) -> Bool { j < end && bytes[j] & 0xC0 == 0x80 }
        @inline(__always) func within(_ j: Int, _ lo: UInt8, _ hi: UInt8) -> Bool { j < end && bytes[j] >= lo && bytes[j] <= hi }
        switch b {
        case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
        case 0xE0: return within(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : 0
        case 0xED: return within(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0: return within(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4: return within(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default: return 0
        }
    }
}
