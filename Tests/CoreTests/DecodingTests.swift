import Testing
@testable import Core

@Suite("Decoding bytes into text")
struct DecodingTests {
    @Test("a UTF-8 byte-order mark is skipped")
    func bom() throws {
        let decoded = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array("Hello".utf8))
        #expect(decoded.text == "Hello")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test("UTF-16 with a byte-order mark is decoded, both byte orders")
    func utf16() throws {
        let le: [UInt8] = [0xFF, 0xFE] + Array("Hé”".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + Array("Hé”".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoder().decode(le).text == "Hé”")
        #expect(try TextDecoder().decode(be).text == "Hé”")
        #expect(try TextDecoder().decode(le).encoding == .utf16LE)
    }

    @Test("invalid bytes become U+FFFD and the diagnostic names the first byte offset")
    func invalid() throws {
        let bytes = Array("abc".utf8) + [0xFF] + Array("def".utf8) + [0xC3]
        let decoded = try TextDecoder().decode(bytes)
        #expect(decoded.text == "abc\u{FFFD}def\u{FFFD}")
        #expect(decoded.diagnostics.count == 1)
        #expect(decoded.diagnostics[0].byteOffset == 3)
        #expect(decoded.diagnostics[0].message.contains("2 invalid"))
    }

    @Test("valid multi-byte text gives no diagnostic")
    func validMultibyte() throws {
        let decoded = try TextDecoder().decode(Array("Zelensky’s «mot» 日本 🙂".utf8))
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test("binary data is refused", arguments: [
        [UInt8](repeating: 0, count: 64),
        (0..<200).map { UInt8($0 % 32) },
    ])
    func binary(bytes: [UInt8]) {
        #expect(throws: DecodingError.self) { try TextDecoder().decode(bytes) }
    }

    @Test("empty and whitespace-only input is refused as empty", arguments: ["", "   \n\t\r\n  "])
    func empty(text: String) {
        #expect(throws: DecodingError.empty) { try TextDecoder().decode(Array(text.utf8)) }
    }

    @Test("our UTF-8 check agrees with the standard library's on every sequence kind, at every eight-byte offset")
    func validationAgrees() {
        // Valid and invalid sequences of every length and at every boundary of the rules:
        // overlong forms, surrogates, above U+10FFFF, lone and missing continuation bytes.
        let pieces: [[UInt8]] = [
            [0x41], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xC2],
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xE2, 0x80], [0xE2, 0x28, 0xA1],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x99], [0xFE], [0xFF],
        ]
        for piece in pieces {
            for before in 0..<18 {
                for after in [0, 1, 9] {
                    let bytes = [UInt8](repeating: 0x61, count: before) + piece + [UInt8](repeating: 0x62, count: after)
                    let ours = bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
                    let theirs = String(validating: bytes, as: UTF8.self)
                    #expect((ours != nil) == (theirs != nil), "\(piece) after \(before)")
                    #expect(ours == theirs.map { $0.utf8.allSatisfy { $0 < 0x80 } }, "\(piece) after \(before)")
                    if let theirs { #expect(bytes.withUnsafeBufferPointer { TextDecoder.validString($0) } == theirs) }
                }
            }
        }
        // Random bytes, mostly ASCII letters with a few of every other value mixed in.
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(Int(x >> 60) + 4) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(x >> 33)
                bytes.append(r % 4 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : UInt8(0x61 + (r >> 8) % 26))
            }
            let ours = bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
            #expect((ours != nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("the text of valid UTF-8 is the standard library's, after a BOM too")
    func validText() throws {
        let text = "Zelensky’s «mot» 日本 🙂 " + String(repeating: "plain words ", count: 10)
        #expect(try TextDecoder().decode(Array(text.utf8)).text == text)
        #expect(try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).text == text)
        #expect(Array(text.utf8).withUnsafeBufferPointer { TextDecoder.validString($0) }?.utf8.elementsEqual(text.utf8) == true)
    }

    @Test("an ESC in prose is text, not binary")
    func escapeIsText() throws {
        let decoded = try TextDecoder().decode(Array("Plain text with \u{1B}[31m colour codes in it, and more words.".utf8))
        #expect(decoded.text.contains("colour"))
    }
}
