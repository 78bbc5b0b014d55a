import Foundation
import Testing
@testable import Core

/// The tokenizer's byte-level loop (eight-byte scans, word keys, the per-article word table)
/// held to a plain reading of its rules, scalar by scalar with `String`s: every token's kind,
/// range, text, capital, possessive ending, quotation and classes, sentence by sentence.
@Suite("Sentence tokens")
struct SentenceTokenizerTests {
    /// One token as the reference makes it.
    struct Expected: Equatable, CustomStringConvertible {
        var kind: Token.Kind
        var range: TextRange
        var lower: String
        var bare: String
        var isCapitalized: Bool
        var possessiveBytes: UInt8
        var quote: Int
        var cls: UInt32
        var bareCls: UInt32

        init(_ t: Token) {
            kind = t.kind; range = t.range; lower = t.lower; bare = t.bare; isCapitalized = t.isCapitalized
            possessiveBytes = t.possessiveBytes; quote = t.quote; cls = t.cls.rawValue; bareCls = t.bareCls.rawValue
        }

        init(kind: Token.Kind, range: TextRange, lower: String, bare: String, isCapitalized: Bool,
             possessiveBytes: UInt8, quote: Int, cls: WordClass, bareCls: WordClass) {
            self.kind = kind; self.range = range; self.lower = lower; self.bare = bare; self.isCapitalized = isCapitalized
            self.possessiveBytes = possessiveBytes; self.quote = quote; self.cls = cls.rawValue; self.bareCls = bareCls.rawValue
        }

        var description: String { "\(kind) \(range) \(lower)|\(bare) cap \(isCapitalized) pos \(possessiveBytes) q \(quote) \(cls)/\(bareCls)" }
    }

    /// The rules written plainly: scalars decoded one at a time, words lowercased and classed
    /// through the pack's `[String: WordClass]` each time.
    struct Reference {
        let pack: LanguagePack

        func lowercased(_ s: String) -> String {
            s.utf8.allSatisfy { $0 < 0x80 } ? String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                : s.lowercased()
        }

        func classes(_ source: Source, _ start: Int, _ end: Int) -> (String, WordClass, Bool) {
            let lower = lowercased(source.string(TextRange(start, end)))
            let cls = pack.classes(lower)
            return (lower, cls, lower.utf8.contains(0x2E) || cls.contains(.abbreviation))
        }

        func tokens(_ source: Source, sentence: TextRange, quotes: [(TextRange, Int)]) -> [Expected] {
            var out: [Expected] = []
            var i = sentence.start
            while i < sentence.end {
                if let (outer, index) = quotes.first(where: { $0.0.start <= i && i < $0.0.end }) {
                    let end = min(outer.end, sentence.end)
                    out.append(Expected(kind: .quote, range: TextRange(max(outer.start, sentence.start), end), lower: "", bare: "",
                                        isCapitalized: false, possessiveBytes: 0, quote: index, cls: [], bareCls: []))
                    i = end
                    continue
                }
                let (s, n) = source.scalar(at: i)
                if s.isSpaceLike || s.value == 0xA0 || s.isInvisibleFormat { i += n; continue }
                guard s.isWordLike else {
                    let text = String(Character(s))
                    out.append(Expected(kind: .punct, range: TextRange(i, i + n), lower: text, bare: text,
                                        isCapitalized: false, possessiveBytes: 0, quote: -1, cls: [], bareCls: []))
                    i += n
                    continue
                }
                let start = i
                var j = i
                while j < sentence.end {
                    let (c, m) = source.scalar(at: j)
                    if c.isWordLike || (!(c.value >= 0x2000 && c.value <= 0x206F) && c.value >= 0x300
                        && (c.properties.isDiacritic || c.properties.generalCategory == .nonspacingMark)) { j += m; continue }
                    if c.isInvisibleFormat, j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                    if c == "'" || c == "\u{2019}" || c == "-" || c == "." || c == "\u{2010}" || c == "\u{2011}" {
                        if j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                        if c == "." {
                            let (first, k) = source.scalar(at: start)
                            if (start + k == j && first.isUppercaseLike) || classes(source, start, j).2 { j += m }
                        } else if c == "'" || c == "\u{2019}", j > start, source[j - 1] == 0x73 || source[j - 1] == 0x53,
                                  j + m < sentence.end, source.scalar(at: j + m).0.isSpaceLike { j += m }
                    }
                    break
                }
                let (lower, cls, _) = classes(source, start, j)
                let text = source.string(TextRange(start, j))
                var ending = 0
                for suffix in ["\u{2019}s", "\u{2019}S", "'s", "'S", "\u{2019}", "'"] where text.utf8.count > suffix.utf8.count {
                    if text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
                        ending = suffix.utf8.count
                        break
                    }
                }
                let bare = ending > 0 ? classes(source, start, j - ending) : (lower, cls, false)
                out.append(Expected(kind: .word, range: TextRange(start, j), lower: lower,
                                    bare: ending > 0 ? String(decoding: lower.utf8.dropLast(ending), as: UTF8.self) : lower,
                                    isCapitalized: s.isUppercaseLike, possessiveBytes: UInt8(ending), quote: -1,
                                    cls: cls, bareCls: bare.1))
                i = j
            }
            return out
        }
    }

    /// Every sentence of `text`, tokenised both ways (the headline last, as the attributor does).
    func compare(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var text = text
        text.withUTF8 { bytes in
            let source = Source(bytes: bytes)
            let structure = StructureScanner().scan(source)
            var diagnostics: [Diagnostic] = []
            let blocks = structure.paragraphs.enumerated().map { index, range in
                Paragraph(range: range, sentences: 0..<0, isTitle: index == structure.titleIndex)
            }
            let marked = QuotationScanner().scan(source, paragraphs: blocks, diagnostics: &diagnostics)
            let pack = LanguagePack.detect(String(decoding: bytes, as: UTF8.self))
            let split = SentenceSplitter(pack: pack).split(source, paragraphs: blocks, quotations: marked)
            let top: [(TextRange, Int)] = marked.indices.filter { marked[$0].depth == 0 }.map { (marked[$0].outer, $0) }
            var tokenizer = SentenceTokenizer(pack: pack)
            let reference = Reference(pack: pack)
            let order = split.sentences.indices.filter { !split.paragraphs[split.sentences[$0].paragraph].isTitle }
                + split.sentences.indices.filter { split.paragraphs[split.sentences[$0].paragraph].isTitle }
            var firstQuote = 0, titleQuote = 0
            var mismatches = 0
            for si in order {
                let range = split.sentences[si].range
                let isTitle = split.paragraphs[split.sentences[si].paragraph].isTitle
                let got = (isTitle ? tokenizer.tokens(source, sentence: range, quotes: top, firstQuote: &titleQuote)
                    : tokenizer.tokens(source, sentence: range, quotes: top, firstQuote: &firstQuote)).map(Expected.init)
                let want = reference.tokens(source, sentence: range, quotes: top)
                if got != want, mismatches < 3 {
                    mismatches += 1
                    let difference = zip(got, want).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "in the count"
                    let sentence = source.string(range).debugDescription
                    Issue.record("sentence \(si) \(sentence): \(got.count) tokens, expected \(want.count); first difference \(difference)",
                                 sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func trickyWords() {
        compare("""
        Tricky Words Here

        Russia’s envoy, the Passengers’ Alliance and the boss's car met James' friend. RUSSIA’S and BOSS'S too; it’s O’Brien’s.
        Dr. J. Smith of the U.S. Senate and Mr. Jones, Ph.D., said co-host up-to-date re-election ‐ non‑stop; e.g. etc. vs. St. Louis.
        Émile Zola, ÉMILE ZOLA, Ångström, naïve café, Straße, İstanbul, ǅemal and Ǆemal (titlecase), Ａｂｃ full width, ß.
        Anna\u{2067}Berg and Jo\u{200D}ey with a soft\u{AD}hyphen; \u{202A}embedded\u{202C} text; x\u{0301}y combining.
        Numbers 1,000.5 and 3.14, 42nd, 7-Eleven, 1990s’ and ’90s, "quoted words, inside," he said. 'Single,' she said.
        Interdisciplinarianism antidisestablishmentarianism's and Supercalifragilistic’s long words, ABCDEFGH ABCDEFGHI abcdefg.
        A. B. C. and I. and U.K.’s and a.m. p.m. Inc. Corp. Jan. 5 — he wrote – “Nested ‘inner’ quote” and «guillemets» „German“.
        Tabs\tand\u{A0}non\u{A0}breaking\u{2003}em\u{3000}ideographic\u{2028}line\u{202F}narrow\u{200B}zero\u{2060}joiner spaces; odd marks ¶ § † ‰ € £ ¥ © ® ™ … · • ← → ✓ 😀 👍🏽.
        Broken \u{FFFD} bytes and 日本語の文 and Ελληνικά and Русский текст and עברית and العربية.
        """)
    }

    @Test func edges() {
        compare("E\n\nA")
        compare("Edge\n\nWord's")
        compare("Edge\n\nEnds with s' ")
        compare("Edge\n\nx. y. Z. abcdefgh. abcdefghi. ABCDEFGH.")
        compare("Edge\n\nShort a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9'")
        compare("Edge\n\n“An unclosed quotation that runs to the end")
        compare("Edge\n\nHe said: “One.” “Two,” she said, “three.” And ‘four’.")
        compare("""
        Joined Words

        Rock'n'roll, co-host's mother-in-law’s well‑known re‐election; don’t. e-mail- a- x' O’Brien’s U.S.-led 9/11 \
        20-year-old 1990s’ the U.S.’s co–host d’Été l’État Passengers’ James' ships's it's' twenty-one-year-old’s \
        extraordinarily-long-hyphenated-compound-words-here and ABCDEFGHIJKLMNOP-QRSTUVWXYZ’s end-
        """)
        compare("Edge\n\nIt ends on a joined word: co-host’s")
        compare("Edge\n\nIt ends on a joined word: co-")
    }

    /// Latin-1 and General Punctuation lowered on bytes as `String.lowercased()` lowers them.
    @Test func latin1Lowercase() {
        let scalars = (0x80...0xFF).compactMap(Unicode.Scalar.init) + (0x2000...0x206F).compactMap(Unicode.Scalar.init)
        var text = ""
        for s in scalars { text += "A\(Character(s))b É\(Character(s))Ö " }
        text += "Zoë’s ÀÉÎÕÜ×ÞßÿĀ Lazăr"
        var copy = text
        copy.withUTF8 { bytes in
            let source = Source(bytes: bytes)
            var start = 0
            for end in bytes.indices where bytes[end] == 0x20 {
                let word = source.string(TextRange(start, end))
                let fast = SentenceTokenizer.latin1Lowercased(source, start, end)
                if word.unicodeScalars.allSatisfy({ $0.value <= 0xFF || (0x2000...0x206F).contains($0.value) }) {
                    #expect(fast == word.lowercased(), "\(word.debugDescription)")
                } else {
                    #expect(fast == nil, "\(word.debugDescription)")
                }
                #expect(SentenceTokenizer.lowercased(source, start, end) == word.lowercased(), "\(word.debugDescription)")
                start = end + 1
            }
        }
    }

    /// General Punctuation holds no letter or digit, and its white space is the tokenizer's list.
    @Test func generalPunctuation() {
        for v in UInt32(0x2000)...0x206F {
            let s = Unicode.Scalar(v)!
            #expect(!s.isWordLike, "U+\(String(v, radix: 16))")
            #expect(Unicode.Scalar.isGeneralPunctuationSpace(s) == s.isSpaceLike, "U+\(String(v, radix: 16))")
        }
    }

    @Test func worldNews() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/world")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count > 10)
        for name in names {
            compare(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
