/// Inputs too big to commit to Fuzz/corpus, generated the same way by the tests and by
/// `Fuzz/run` (the fuzz binary writes them as seeds when VOICES_FUZZ_WRITE_SEEDS is set).
enum NastyInputs {
    /// (name, bytes) of every generated case. `scale` 1 is the full size (a 10 MB line,
    /// 10,000 nested quotes); tests in a debug build pass a smaller scale (names keep the
    /// full-size wording).
    static func all(scale: Double = 1) -> [(String, [UInt8])] {
        func n(_ full: Int) -> Int { max(1, Int(Double(full) * scale)) }
        return [
            ("10000 nested curly quotes", nested(depth: n(10_000), open: ["“", "‘"], close: ["”", "’"])),
            ("10000 nested straight quotes", nested(depth: n(10_000), open: ["\"", "'"], close: ["\"", "'"])),
            ("10000 nested guillemets and corners", nested(depth: n(10_000), open: ["«", "‹", "「", "『", "„"], close: ["»", "›", "」", "』", "“"])),
            ("10000 opening marks never closed", bytes(String(repeating: "He said “", count: n(10_000)))),
            ("10000 closing marks never opened", bytes(String(repeating: "” he said. ", count: n(10_000)))),
            ("a 10 MB single line", singleLine(bytes: n(10 << 20))),
            ("a 1 MB line of quote marks", marks(bytes: n(1 << 20))),
            ("a 1 MB run of one apostrophe after letters", bytes("Passengers" + String(repeating: "’", count: n(300_000)))),
            ("a 1 MB word", bytes("He said “" + String(repeating: "a", count: n(1 << 20)) + "” once.")),
            ("100000 paragraphs of one quote each", bytes(String(repeating: "“Yes.”\n\n", count: n(100_000)))),
            ("100000 paragraphs continuing one quotation", bytes("“Start\n\n" + String(repeating: "“more\n\n", count: n(100_000)))),
            ("a 1 MB run of periods", bytes("Mr" + String(repeating: ".", count: n(1 << 20)) + " Smith said “no.”")),
            ("500000 initials", bytes(String(repeating: "A. ", count: n(500_000)) + "said “yes.”")),
            ("1 MB of blank lines", bytes("Title\n" + String(repeating: "\n \r\n\u{C}", count: n(250_000)) + "“Quote,” she said.")),
            ("invalid UTF-8 every other byte", invalidEveryOther(bytes: n(1 << 20))),
            ("1 MB of combining marks after a quote", bytes("“" + String(repeating: "\u{301}", count: n(500_000)) + "”")),
        ]
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    static func nested(depth: Int, open: [String], close: [String]) -> [UInt8] {
        var s = "She said "
        for k in 0..<depth { s += open[k % open.count] + "w\(k) " }
        for k in (0..<depth).reversed() { s += " x" + close[k % close.count] }
        return bytes(s + ".\n")
    }

    /// News-like sentences on one line, no newline anywhere.
    static func singleLine(bytes count: Int) -> [UInt8] {
        let parts = [
            "“We will not back down,” said Mayor Ana Ruiz. ",
            "The council, she added, had “no plan at all.” ",
            "Officials said the talks would resume on Monday. ",
            "«Nous verrons», a déclaré le ministre. ",
            "„Das ist falsch“, sagte Müller. ",
            "He called it a ‘show’ and left. ",
            "Reyes’ 1990s plan—rock ’n’ roll, ’90s style—was “over”. ",
        ]
        var out: [UInt8] = []
        out.reserveCapacity(count + 100)
        var k = 0
        while out.count < count { out += parts[k % parts.count].utf8; k += 1 }
        return out
    }

    static func marks(bytes count: Int) -> [UInt8] {
        let all = Array("\"'“”„‟‘’‚«»‹›「」『』`` ''".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count + all.count)
        while out.count < count { out += all }
        return out
    }

    static func invalidEveryOther(bytes count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        let bad: [UInt8] = [0x80, 0xC0, 0xE2, 0xFF, 0xED, 0xF4, 0xBF]
        var k = 0
        while out.count < count { out.append(k % 2 == 0 ? UInt8(ascii: "a") + UInt8(k % 26) : bad[k % bad.count]); k += 1 }
        return out
    }
}
