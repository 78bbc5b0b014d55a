import Testing
@testable import Reader

@Suite("Cell grid and display width")
struct CellGridTests {
    struct WidthCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var width: Int
        var testDescription: String { name }
    }

    @Test("display width counts columns, not characters", arguments: [
        WidthCase(name: "ASCII is one column per letter", text: "said", width: 4),
        WidthCase(name: "CJK ideographs take two columns", text: "東京都", width: 6),
        WidthCase(name: "Hangul syllables take two columns", text: "한국", width: 4),
        WidthCase(name: "an emoji takes two columns", text: "🎉", width: 2),
        WidthCase(name: "an emoji with skin tone is one wide cluster", text: "👍🏽", width: 2),
        WidthCase(name: "a ZWJ family is one wide cluster", text: "👨‍👩‍👧", width: 2),
        WidthCase(name: "a text heart with VS16 becomes wide", text: "❤️", width: 2),
        WidthCase(name: "combining acute adds no column", text: "e\u{301}te\u{301}", width: 3),
        WidthCase(name: "precomposed accents are one column", text: "Müller", width: 6),
        WidthCase(name: "curly quotes are one column", text: "“a”", width: 3),
        WidthCase(name: "ESC is drawn as one visible symbol", text: "\u{1B}[31m", width: 5),
        WidthCase(name: "a zero-width space takes nothing", text: "a\u{200B}b", width: 2),
        WidthCase(name: "a joiner between letters takes nothing", text: "a\u{200D}b\u{200D}", width: 2),
        WidthCase(name: "a joiner after a wide character takes nothing", text: "東\u{200D}京", width: 4),
        WidthCase(name: "a right-to-left override is one visible column", text: "a\u{202E}b", width: 3),
    ])
    func width(_ c: WidthCase) {
        #expect(DisplayWidth.of(c.text) == c.width)
    }

    struct EscapeCase: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var shown: String
        var testDescription: String { name }
    }

    @Test("control characters are drawn as visible symbols, never sent", arguments: [
        EscapeCase(name: "ESC becomes ␛", input: "a\u{1B}[2Jb", shown: "a␛[2Jb"),
        EscapeCase(name: "NUL becomes ␀", input: "x\u{0}y", shown: "x␀y"),
        EscapeCase(name: "BEL becomes ␇", input: "\u{7}", shown: "␇"),
        EscapeCase(name: "DEL becomes ␡", input: "a\u{7F}", shown: "a␡"),
        EscapeCase(name: "a C1 CSI becomes the replacement character", input: "a\u{9B}31m", shown: "a�31m"),
        EscapeCase(name: "CR LF becomes ␍", input: "a\r\nb", shown: "a␍b"),
        EscapeCase(name: "a right-to-left override becomes the replacement character", input: "ab\u{202E}cd", shown: "ab�cd"),
        EscapeCase(name: "an isolate becomes the replacement character", input: "\u{2067}ab\u{2069}", shown: "�ab�"),
        EscapeCase(name: "a joined emoji sequence is drawn as its first emoji", input: "a👨‍👩‍👧b", shown: "a👨b"),
        EscapeCase(name: "a joiner between letters is dropped", input: "c\u{200D}d", shown: "cd"),
        EscapeCase(name: "plain text is unchanged", input: "Reyes said", shown: "Reyes said"),
    ])
    func escaping(_ c: EscapeCase) {
        var grid = CellGrid(width: 12, height: 1)
        grid.put(c.input, x: 0, y: 0)
        #expect(grid.trimmedLines == [c.shown])
        for cell in grid.cells {
            for s in cell.text.unicodeScalars {
                #expect(!(s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)), "raw control \(s.value) in a cell")
            }
        }
    }

    @Test("no joiner ever reaches a cell, so the terminal's columns match ours")
    func joinersNeverSent() {
        for text in ["👨‍👩‍👧 family", "x\u{200D}y", "❤️‍🔥", "👍🏽‍", "\u{200D}東", "ab\u{200D}\u{301}c"] {
            var grid = CellGrid(width: 20, height: 1)
            grid.put(text, x: 0, y: 0)
            for cell in grid.cells { #expect(!cell.text.unicodeScalars.contains("\u{200D}"), "joiner sent for \(text.debugDescription)") }
        }
    }

    @Test("a wide character fills two cells, the second a continuation")
    func wideCells() {
        var grid = CellGrid(width: 6, height: 1)
        let end = grid.put("a東b", x: 0, y: 0)
        #expect(end == 4)
        #expect(grid[1, 0].text == "東")
        #expect(grid[2, 0].isContinuation)
        #expect(grid.lines == ["a東b  "])
    }

    @Test("a wide character that does not fit at the edge is left out")
    func wideAtEdge() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("ab東", x: 0, y: 0)
        #expect(grid.lines == ["ab "])
    }

    @Test("a combining mark joins the cell before it")
    func combining() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "x")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("東京", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.lines == [" x京"])
    }

    @Test("truncation ends in an ellipsis and respects wide characters")
    func truncation() {
        #expect(TextFit.truncate("Vice Speaker of the Federation Council", width: 12) == "Vice Speake…")
        #expect(TextFit.truncate("東京都庁", width: 5) == "東京…")
        #expect(TextFit.truncate("short", width: 10) == "short")
        #expect(TextFit.truncate("anything", width: 0) == "")
    }

    /// The Character-by-Character rules the byte paths must agree with.
    static func referenceWidth(_ s: some StringProtocol) -> Int {
        s.reduce(0) { $0 + (DisplayWidth.visible($1).map(DisplayWidth.of) ?? 0) }
    }

    static func referenceTruncate(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if referenceWidth(s) <= width { return s }
        var out = ""
        var w = 0
        for ch in s {
            guard let v = DisplayWidth.visible(ch) else { continue }
            let cw = DisplayWidth.of(v)
            if w + cw > width - 1 { break }
            out.append(v); w += cw
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    @Test("plain ASCII read from the bytes measures and cuts as the characters do: a mark after a letter, CR LF, controls, wide and curly text beside it")
    func asciiBytesAgreeWithCharacters() {
        let pieces = ["said", " ", "e\u{301}", "\r\n", "\t", "\u{1B}[31m", "“", "”", "東京", "🎉", "\u{200B}", "a\u{20DD}", "x", "\u{7F}", "  "]
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<Int(x % 12) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(x >> 33) % pieces.count]
            }
            x = x &* 6364136223846793005 &+ 1442695040888963407
            #expect(DisplayWidth.of(s) == Self.referenceWidth(s), "\(s.debugDescription)")
            #expect(DisplayWidth.of(s.dropFirst()) == Self.referenceWidth(s.dropFirst()), "\(s.debugDescription)")
            for width in [0, 1, 2, 5, 9, 20] {
                #expect(TextFit.truncate(s, width: width) == Self.referenceTruncate(s, width: width), "\(s.debugDescription) at \(width)")
            }
            // A row collapsed only as far as it can show truncates to the same line.
            for width in [1, 4, 12] {
                #expect(TextFit.truncate(TextFit.collapse(s, beyond: width), width: width) == TextFit.truncate(TextFit.collapse(s), width: width),
                        "\(s.debugDescription) at \(width)")
            }
        }
    }
}
