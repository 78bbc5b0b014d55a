import Testing
@testable import Core

/// The sentence rules' byte-level shortcuts give the answers of the `String` rules they stand for.
@Suite("The sentence rules' byte-level shortcuts")
struct SentenceRuleShortcutTests {
    /// `body` with the UTF-8 of `text` as a `Source`.
    static func withSource<R>(_ text: String, _ body: (Source) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer { body(Source(bytes: $0)) }
    }

    static let titleTexts = [
        "Winds of Change.", "  Winds of Change", "WINDS OF CHANGE!?", "the Art of the Deal,", "Make America Great Again\r\n",
        "It’s the economy, stupid", "“Morning Joe”", "‘Quote’ — unquote…", "\u{A0}No-Break Space\u{A0}", "« Les Misérables »",
        "Les Misérables", "ÉCOLE", "Straße", "İstanbul", "e\u{301}te", "dash – en", "dash — em—", "…", "’", "  ", "", "a\u{2028}b",
        "Kelvin \u{212A}", "“Nested ‘quote’ here,”", "‹single›", "bullet • point •", "x\u{2027}", "\u{2010}hyphen\u{2011}",
        "tab\tend\t", "A.B.C.", "(Parenthesis)", "[bracket]", "{brace}", "\"straight\"", "'single'", "end;", "end:", "$5", "50%",
    ]

    @Test("a title's key from the bytes is the key of its string, and so is its shape")
    func titleKeys() {
        for text in Self.titleTexts {
            Self.withSource(text) { source in
                let range = TextRange(0, source.count)
                let key = TitleRepeats.key(source.string(range))
                #expect(TitleRepeats.key(source, range) == key, "\(text.debugDescription)")
                if let shape = TitleRepeats.plainShape(source, range) {
                    #expect(shape == TitleRepeats.shape(of: key), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("the plain scalars outside ASCII are caseless punctuation or white space, each a Character of its own")
    func plainScalars() {
        for v in UInt32(0x80)...0x3000 where TitleRepeats.isPlainScalar(v) {
            let u = Unicode.Scalar(v)!
            let c = Character(u)
            #expect(String(u).lowercased() == String(u))
            #expect(c.isPunctuation != c.isWhitespace, "U+\(String(v, radix: 16))")
            // Glued to a letter before or after, it stays a Character of its own.
            #expect(("a" + String(u) + "b").count == 3)
        }
    }

    @Test("a word map answers as the dictionary it is made from")
    func wordMap() {
        let dictionary: [String: Double] = ["say": 1, "he’s": 2, "—": 3, "k": 4, "said": 5, ",": 6, "CAP": 7, "e\u{301}": 8]
        let map = WordMap(dictionary)
        let words = ["say", "says", "he’s", "he's", "—", "-", "k", "\u{212A}", "said", ",", "CAP", "cap", "é", "e\u{301}", "", "sayy", "sa"]
        for w in words { #expect(map[w] == dictionary[w], "\(w.debugDescription)") }
        for (w, v) in ReportedClauseWeights.previous { #expect(ReportedWeightTable.shared.previous[w] == v) }
        for (w, v) in ReportedClauseWeights.first { #expect(ReportedWeightTable.shared.first[w] == v) }
        // A key outside ASCII that is canonically an ASCII word is found by that word.
        let kelvin = WordMap(["\u{212A}elvin": 1.0])
        #expect(kelvin["Kelvin"] == 1.0)
        #expect(kelvin["kelvin"] == nil)
    }
}
