import Core
import Foundation
import Testing
import TestSupport

/// Article text and file names carrying escape sequences, C0 and C1 controls, DEL and bidi
/// overrides never reach stdout or stderr raw in any human-readable output of the built
/// binary; JSON keeps them, escaped.
@Suite("Hostile text never reaches the terminal raw", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: BadInputMatrixTests.binary),
                "needs \(BadInputMatrixTests.binary): run swift build first"))
struct HostileOutputTests {
    /// Everything an attacker might use: OSC title and clipboard, CSI clear screen, SGR,
    /// a C1 CSI, BEL, backspace, CR, DEL, a right-to-left override and an isolate.
    static let nasty = "\u{1B}]0;PWNED\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\u{1B}[31m\u{9B}31m\u{08}\r\u{7F}\u{202E}\u{2067}"

    /// Bytes that must never be written where a person reads: C0 (except newline, tab and a
    /// CR before a newline), DEL, C1 (as UTF-8), U+202A–U+202E and U+2066–U+2069.
    static func rawControls(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 && b != 0x0A && b != 0x09 && !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
                found.append("C0 \(b) at \(i)")
            } else if b == 0x7F {
                found.append("DEL at \(i)")
            } else if b == 0xC2, i + 1 < bytes.count, (0x80..<0xA0).contains(bytes[i + 1]) {
                found.append("C1 \(bytes[i + 1]) at \(i)")
            } else if b == 0xE2, i + 2 < bytes.count,
                      (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2])) || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2])) {
                found.append("bidi at \(i)")
            }
            i += 1
        }
        return found
    }

    static func fixtures() throws -> String {
        var template = Array((NSTemporaryDirectory() + "voices-hostile-XXXXXX").utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        let n = nasty
        let page = """
            <html><head><title>Title \(n) end</title><meta name="author" content="Ana \(n) Ruiz">
            <meta property="og:title" content="OG \(n) title"></head><body><article><h1>Head \(n) line</h1>
            <p>“We said \(n) it twice,” said Ana Ruiz.</p><p>Tomas \(n) Kerr said the \(n) plan was “a \(n) show”.</p></article></body></html>
            """
        let text = "Plain \(n) Headline\n\n“We said \(n) it,” said Ana \(n) Ruiz.\n\nKerr said the plan was “a \(n) show”.\n"
        let md = "# Notes \(n) here\n\n> We said \(n) it.\n\n“Quoted \(n) words,” said Ana Ruiz.\n"
        try page.write(toFile: dir + "/page.html", atomically: false, encoding: .utf8)
        try text.write(toFile: dir + "/plain.txt", atomically: false, encoding: .utf8)
        try md.write(toFile: dir + "/notes.md", atomically: false, encoding: .utf8)
        // A file whose very name is an escape sequence.
        try text.write(toFile: dir + "/evil\u{1B}]0;NAME\u{07}\u{202E}.txt", atomically: false, encoding: .utf8)
        return dir
    }

    struct Mode: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var testDescription: String { name }
    }

    static let modes: [Mode] = [
        Mode(name: "--list", script: #"exec "$V" --list page.html plain.txt notes.md evil*.txt"#),
        Mode(name: "--explain", script: #"exec "$V" --explain page.html plain.txt notes.md evil*.txt"#),
        Mode(name: "--index", script: #"exec "$V" --index page.html plain.txt notes.md evil*.txt"#),
        Mode(name: "--text", script: #"exec "$V" --text page.html plain.txt notes.md evil*.txt"#),
        Mode(name: "the listing when stdout is not a terminal", script: #"exec "$V" page.html plain.txt notes.md evil*.txt"#),
        Mode(name: "a missing file named with escapes", script: "exec \"$V\" --list \"$(printf 'gone\\033]0;T\\007\\033[2J\\342\\200\\256.txt')\""),
        Mode(name: "a folder named with escapes", script: "mkdir \"$(printf 'd\\033[2J')\"; exec \"$V\" --list \"$(printf 'd\\033[2J')\""),
        Mode(name: "an unknown option with escapes", script: "exec \"$V\" \"$(printf -- '--x\\033]0;T\\007')\""),
        Mode(name: "an option value with escapes", script: "exec \"$V\" --jobs \"$(printf '\\033[2J')\" plain.txt"),
        Mode(name: "a batch with a missing file", script: "exec \"$V\" --json plain.txt \"$(printf 'x\\033[2J')\" >/dev/null"),
    ]

    @Test("stdout and stderr carry no raw control or bidi override", arguments: modes)
    func noRawControls(_ mode: Mode) throws {
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try BadInputMatrixTests.run(mode.script, in: dir)
        #expect(!o.signalled, "died from a signal: \(o.status)")
        let out = Array(o.stdout.utf8), err = Array(o.stderr.utf8)
        #expect(!(out.isEmpty && err.isEmpty), "nothing printed at all")
        #expect(Self.rawControls(out).isEmpty, "stdout: \(Self.rawControls(out).prefix(5)) in \(o.stdout.prefix(300).debugDescription)")
        #expect(Self.rawControls(err).isEmpty, "stderr: \(Self.rawControls(err).prefix(5)) in \(o.stderr.prefix(300).debugDescription)")
    }

    @Test("the text of the sequences is shown as visible symbols, not dropped")
    func visibleSymbols() throws {
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try BadInputMatrixTests.run(#"exec "$V" --list plain.txt evil*.txt nope*"#, in: dir)
        #expect(o.stdout.contains("␛]0;PWNED␇␛]52;c;cHduZWQ=␇␛[2J␛[31m�31m␈␍␡��"), "\(o.stdout.prefix(400))")
        #expect(o.stderr.contains("voices: nope*: no such file"))
        let missing = try BadInputMatrixTests.run("exec \"$V\" --list \"$(printf 'gone\\033]0;T\\007\\n.txt')\"", in: dir)
        #expect(missing.stderr == "voices: gone␛]0;T␇␊.txt: no such file\n", "\(missing.stderr.debugDescription)")
    }

    @Test("JSON keeps the characters, escaped")
    func jsonEscaped() throws {
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try BadInputMatrixTests.run(#"exec "$V" --json plain.txt"#, in: dir)
        #expect(o.status == 0)
        #expect(Self.rawControls(Array(o.stdout.utf8)).filter { !$0.hasPrefix("bidi") }.isEmpty)
        #expect(o.stdout.contains(#"\u001b]0;PWNED\u0007"#), "\(o.stdout.prefix(300))")
    }

    @Test("TerminalText replaces exactly the unsafe scalars")
    func sanitizer() {
        #expect(TerminalText.sanitize("plain “text”\n\tand more") == "plain “text”\n\tand more")
        #expect(TerminalText.sanitize("a\u{1B}[2Jb\u{7}\u{0}") == "a␛[2Jb␇␀")
        #expect(TerminalText.sanitize("crlf\r\nbare\rend\r") == "crlf\r\nbare␍end␍")
        #expect(TerminalText.sanitize("c1\u{85}\u{9B}x") == "c1��x")
        #expect(TerminalText.sanitize("\u{202A}\u{202E}\u{2066}\u{2069}ok\u{200F}") == "����ok\u{200F}")
        #expect(TerminalText.line("two\nlines\tx") == "two␊lines␉x")
        #expect(TerminalText.sanitize("东京 🎉 e\u{301}") == "东京 🎉 e\u{301}")
    }
}
