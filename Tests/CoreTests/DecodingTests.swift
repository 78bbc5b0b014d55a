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

    @Test("an ESC in prose is text, not binary")
    func escapeIsText() throws {
        let decoded = try TextDecoder().decode(Array("Plain text with \u{1B}[31m colour codes in it, and more words.".utf8))
        #expect(decoded.text.contains("colour"))
    }
}
