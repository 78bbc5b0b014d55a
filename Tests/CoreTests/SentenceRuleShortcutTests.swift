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

    /// Word counts by the byte-by-byte rule: runs of bytes between the separators.
    static func slowWords(_ bytes: [UInt8], separators: Set<UInt8>, limit: Int) -> Int {
        var n = 0
        var inWord = false
        for b in bytes {
            if separators.contains(b) { inWord = false } else if !inWord {
                inWord = true
                n += 1
                if n >= limit { break }
            }
        }
        return n
    }

    @Test("words counted eight bytes at a time are the words counted byte by byte, up to the limit")
    func wordCounts() {
        let alphabet: [UInt8] = [0x20, 0x20, 0x0A, 0x09, 0x0D, 0x61, 0x62, 0x2C, 0xE2, 0x80, 0x9C, 0x0B, 0x00, 0xA0]
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(x >> 58)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(x >> 33) % alphabet.count])
            }
            let limit = 1 + Int(x >> 60)
            bytes.withUnsafeBufferPointer { buffer in
                let source = Source(bytes: buffer)
                for lo in [0, min(1, bytes.count), min(3, bytes.count)] {
                    let range = TextRange(lo, bytes.count)
                    let slice = Array(bytes[lo...])
                    #expect(TitleRepeats.wordCount(source, range, upTo: limit) == Self.slowWords(slice, separators: [0x20], limit: limit))
                    #expect(TitleRepeats.wordCount(source, range) == Self.slowWords(slice, separators: [0x20], limit: .max))
                    #expect(KindClassifier.words(source, range, upTo: limit) == Self.slowWords(slice, separators: [0x20, 0x0A, 0x09, 0x0D], limit: limit))
                }
            }
        }
    }

    @Test("title case read from ASCII bytes is title case read from the string")
    func titleCase() {
        let texts = ["Morning Joe", "morning Joe", "The Art of the Deal", "the art", "Make America Great Again", "A Tale", "Of The",
                     "OF THE", "With Or Without You", "1984 Nights", "“Quoted” Words", "Fire and Fury", "fire And Fury", "X", "Two  Spaces",
                     " Leading Space", "Trailing Space ", "Tab\tSeparated Words", "Line\nBreak Here", "Dr. Strangelove Or", "IS BY", "Is By Them",
                     "ab Cd", "'Tis The", "(The Band)", "no-caps Here", "Rock'n'Roll Hall", "#Hashtag Here", "e.e. cummings"]
        let classifier = KindClassifier()
        for text in texts {
            Self.withSource(text) { source in
                let range = TextRange(0, source.count)
                if let fast = KindClassifier.asciiTitleCase(source, range) {
                    #expect(fast == classifier.isTitleCase(text), "\(text.debugDescription)")
                } else {
                    #expect(text.utf8.contains { $0 >= 0x80 }, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("the exact byte test marks every byte equal to the value and no other")
    func exactBytes() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let word = x & 0x2121_2121_2121_2121 | (x >> 7) & 0x8080_8080_8080_8080
            for b: UInt8 in [0x20, 0x0A, 0x00, 0x21, 0xA0] {
                var expected: UInt64 = 0
                for k in 0..<8 where UInt8(truncatingIfNeeded: word >> (8 * UInt64(k))) == b { expected |= 0x80 << (8 * UInt64(k)) }
                #expect(Bytes8.bytes(word, exactly: b) == expected)
            }
        }
    }

    @Test("a role trimmed on bytes is the role trimmed by Characters")
    func trimmedRoles() {
        let roles = ["deputy chairman of the committee", "a teacher who has used the library", "who is here", "a nurse, who", "the mayor.",
                     "the mayor.,", "spokesman for Acme Inc.", "an analyst whose work", "a man which", "a whole who", "chief  executive who knows",
                     "a retired plumber,", "café owner.", "naïve who.", "x", "", ".", "a .", "the head of “Who’s Who”", "a who.", "mayor e\u{301}.",
                     "\u{0600}.", "role\r\n.", "a whom", "a whos", "a wh"]
        for r in roles {
            let fast = Context.trimmedRoleBytes(r)
            if let fast { #expect(fast == Context.trimmedRoleCharacters(r), "\(r.debugDescription)") }
            else { #expect(r.utf8.contains { $0 >= 0x80 }, "\(r.debugDescription)") }
        }
    }

    @Test("a sentence overlaps a top-level quotation exactly when one shares a byte with it")
    func quotationOverlap() {
        let quotes: [(TextRange, Int)] = [(TextRange(5, 10), 0), (TextRange(12, 13), 1), (TextRange(20, 40), 2)]
        for start in 0..<45 {
            for end in start..<46 {
                let range = TextRange(start, end)
                let expected = quotes.contains { $0.0.start < range.end && range.start < $0.0.end }
                var cursor = 0
                #expect(SpeakerAttributor.overlaps(quotes, range, from: &cursor) == expected, "\(start)..<\(end)")
            }
        }
        var cursor = 0
        #expect(!SpeakerAttributor.overlaps([], TextRange(0, 10), from: &cursor))
        // Asked in order, the cursor moves on with the ranges and the answers stay the same.
        cursor = 0
        for start in stride(from: 0, to: 45, by: 3) {
            let range = TextRange(start, start + 3)
            let expected = quotes.contains { $0.0.start < range.end && range.start < $0.0.end }
            #expect(SpeakerAttributor.overlaps(quotes, range, from: &cursor) == expected, "\(start) in order")
        }
    }

    @Test("a word is all numbers from its bytes exactly when every character of it is a number")
    func allNumbers() {
        let words = ["58", "2016", "½", "5½", "58a", "a58", "", "x", "1\u{20E3}", "5\u{301}", "٣", "٣٤", "12-13", "1,000", "0", "9", ":",
                     "\u{0600}5", "iv", "Ⅳ", "５"]
        for w in words {
            let text = UnsafeMutablePointer<String>.allocate(capacity: 1)
            text.initialize(to: w)
            defer { text.deinitialize(count: 1); text.deallocate() }
            let token = Token(kind: .word, range: TextRange(0, 0), text: text, isCapitalized: false, quote: -1)
            #expect(token.isAllNumbers == w.allSatisfy(\.isNumber), "\(w.debugDescription)")
        }
    }

    static let someWords = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "café", "cafés", "naïve", "e\u{301}té", "a\r\nb", "ab\r\n",
                            "\r\n\r\n\r\n", "complain", "complained", "complaiń", "complain\u{301}ed", "compl", "joked", "jokingly",
                            "\u{212A}elvin", "kelvin", "for", "of", "at", "with", "on", "off", "fort", "auprès", "aupre\u{300}s", "du", "ask", "asks",
                            "asked", "asking", "as", "suggesting", "Suggesting"]

    @Test("a word filter answers as its set")
    func wordFilters() {
        let sets: [Set<String>] = [[], ["for", "of", "at", "with", "on"], ["de", "du", "des", "pour", "chez", "à", "au", "aux", "auprès"],
                                   ["ask", "asks", "asked", "asking"], ["K"], ["\u{212A}"], ["café"], [""]]
        for set in sets {
            let filter = WordFilter(set)
            for w in Self.someWords + ["à", "a\u{300}", "K", "\u{212A}", "de", "pour", "chez"] {
                #expect(filter.contains(w) == set.contains(w), "\(w.debugDescription) in \(set)")
            }
        }
    }

    @Test("a stem list answers as hasStem, for every pack's stems")
    func stemLists() {
        let stemSets = LanguagePack.all.flatMap { [$0.topicVerbStems, $0.noInfinitiveStems] } + [["", "é", "complain", "jok"], ["\u{212A}el"]]
        for stems in stemSets {
            let list = StemList(stems)
            for w in Self.someWords + ["complaining", "joking", "threatened", "pointed", "éclat", "Kelvin", "kel"] {
                #expect(list.opens(w) == Context.hasStem(w, among: stems), "\(w.debugDescription) \(stems)")
            }
        }
    }
}
