import Testing
@testable import Core

@Suite("Mention finder byte shortcuts")
struct MentionBytesTests {
    @Test("a phrase's first word is lowercased on the bytes as the string library does it", arguments: [
        "The minister said", "A spokesman", "THE MINISTER", "Several officials", "The", "The\u{301} x", "Éste ministro",
        "The Zoë campaign", "Their aide", "One senior official", "İki yetkili", "Former aides",
    ])
    func firstWordLowercased(text: String) {
        PhraseSpans.forEach(in: text, firstWordOnly: true) { tokens, span, finder in
            let phrase = finder.text(tokens, span)
            let lower = tokens[span.lowerBound].lower
            #expect(finder.lowercasingFirstWord(phrase, tokens[span.lowerBound]) == lower + phrase.dropFirst(lower.count))
        }
    }

    @Test("a byte is found in a span sixteen bytes at a time as one by one", arguments: [
        "", "(", "no parenthesis in this rather long sentence at all", "a sentence (Photo: AAP) with one",
        "exactly sixteen(", "(at the start of a long sentence, well beyond sixteen bytes", "Zoë’s (credit)",
    ])
    func byteFound(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let source = Source(bytes: b)
            for lo in 0...b.count {
                for hi in lo...b.count {
                    #expect(MentionStage.holds(0x28, source, lo, hi) == b[lo..<hi].contains(0x28))
                }
            }
        }
    }
}
