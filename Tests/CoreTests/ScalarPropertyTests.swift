import Testing
@testable import Core

/// The scalar property look-ups answer Latin-1 and General Punctuation without the standard
/// library's tables; these hold the shortcut to the tables, scalar by scalar.
@Suite("Scalar properties without the tables")
struct ScalarPropertyTests {
    @Test("Latin-1 and General Punctuation get the tables' answers")
    func shortcutBlocks() {
        for v in Array(UInt32(0x80)...0xFF) + Array(UInt32(0x2000)...0x206F) {
            let s = Unicode.Scalar(v)!
            let p = s.properties
            #expect(Unicode.Scalar.isAlphabetic(s) == p.isAlphabetic, "U+\(String(v, radix: 16))")
            #expect(Unicode.Scalar.isLowercase(s) == p.isLowercase, "U+\(String(v, radix: 16))")
            #expect(Unicode.Scalar.isUppercaseOrTitlecase(s) == (p.isUppercase || p.generalCategory == .titlecaseLetter), "U+\(String(v, radix: 16))")
            #expect(Unicode.Scalar.isWhitespace(s) == p.isWhitespace, "U+\(String(v, radix: 16))")
            #expect(Unicode.Scalar.isDiacriticOrMark(s) == (p.isDiacritic || p.generalCategory == .nonspacingMark), "U+\(String(v, radix: 16))")
        }
    }
}
