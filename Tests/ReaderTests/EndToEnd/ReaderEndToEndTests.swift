import Foundation
import Testing

/// The real binary in tmux. Skips (with the reason) when tmux or `.build/debug/voices`
/// is missing (`swift build` makes the binary), or the shared acceptance article is absent.
@Suite("End to end in tmux", .serialized,
       .enabled(if: TmuxSession.available, "needs tmux and an up-to-date .build/debug/voices (run swift build first)"))
struct ReaderEndToEndTests {
    static var article: String? { TmuxSession.firstAcceptanceArticle }
    static var expected: [(key: String, role: String)] {
        guard let a = article,
              let data = FileManager.default.contents(atPath: a.replacingOccurrences(of: ".txt", with: ".expected.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let speakers = json["speakers"] as? [[String: Any]] else { return [] }
        return speakers.compactMap { s in (s["key"] as? String).map { ($0, s["role"] as? String ?? "") } }
    }

    func open(width: Int = 120, height: Int = 40, env: [String: String] = [:], extra: [String] = []) throws -> TmuxSession? {
        guard let a = Self.article else { return nil }
        let t = try TmuxSession(args: extra + [a], width: width, height: height, env: env)
        t.waitFor(text: "? help")
        return t
    }

    @Test("the first acceptance article shows its officials and their roles in the speaker pane",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func speakerPane() throws {
        guard let t = try open() else { return }
        let screen = t.waitFor(text: "Speakers (")
        // The pane is the right part of each row, after the separator.
        let pane = screen.components(separatedBy: "\n").compactMap { $0.components(separatedBy: "│").dropFirst().last }.joined(separator: "\n")
        for s in Self.expected {
            #expect(pane.contains(s.key), "\(s.key) is not in the speaker pane:\n\(pane)")
            #expect(pane.localizedCaseInsensitiveContains(s.role), "role \(s.role) of \(s.key) is not shown:\n\(pane)")
        }
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }

    @Test("} moves to the next speaker and the status line follows",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func nextSpeaker() throws {
        guard let t = try open() else { return }
        let entries = t.capture().components(separatedBy: "Speakers (").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        var names: [String] = []
        // The selected entry is marked ▸ in the pane: "▸● Name   3".
        func selectedRow(_ screen: String) -> String? { screen.components(separatedBy: "\n").first { $0.contains("▸") } }
        for _ in 0..<min(2, entries) {
            let before = selectedRow(t.capture())
            t.send("}")
            // Waits for the whole frame with the new selection, not for the first change on the
            // screen (tmux can show a frame whose article part is drawn and pane part not yet).
            let screen = t.waitFor("another speaker to be selected") { screen in selectedRow(screen).map { $0 != before } ?? false }
            guard let row = selectedRow(screen) else {
                Issue.record("no selected speaker:\n\(screen)"); return
            }
            let entry = row.components(separatedBy: "▸").last!.dropFirst(2)   // marker and space
            let name = entry.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first!
            #expect(t.statusLine.contains(name), "status line \(t.statusLine) does not name \(name)")
            names.append(name)
        }
        if names.count == 2 { #expect(names[0] != names[1]) }
        t.send("q")
        _ = t.waitForExit()
    }

    @Test("] walks every quotation in order, the status line counting k/N",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func walkQuotations() throws {
        guard let t = try open() else { return }
        t.send("]")
        let first = t.waitFor(text: "quotation 1/")
        guard let total = first.components(separatedBy: "quotation 1/").last?.prefix { $0.isNumber }, let n = Int(total), n > 0 else {
            Issue.record("no quotation count:\n\(first)"); return
        }
        for k in 2...max(2, n) where k <= n {
            t.send("]")
            t.waitFor(text: "quotation \(k)/\(n)")
        }
        t.send("]")
        t.waitFor(text: "Last quotation")
        t.send("q")
        _ = t.waitForExit()
    }

    @Test("/ finds a word and counts the matches",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func search() throws {
        guard let a = Self.article, let t = try open() else { return }
        // A word from the article itself: its longest word of letters (matched ignoring ASCII case).
        let text = (try? String(contentsOfFile: a, encoding: .utf8)) ?? ""
        let word = text.split { !$0.isLetter || !$0.isASCII }.map(String.init).max { $0.count < $1.count }!
        let count = text.lowercased().components(separatedBy: word.lowercased()).count - 1
        t.send("/")
        t.type(word)
        t.send("Enter")
        t.waitFor(text: "/\(word) 1/\(count)")
        if count > 1 {
            t.send("n")
            t.waitFor(text: "/\(word) 2/\(count)")
        }
        t.send("q")
        _ = t.waitForExit()
    }

    @Test("resizing to 60×20 puts the speakers below, and back to 120×40 beside",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func resize() throws {
        guard let t = try open() else { return }
        let wide = t.waitFor(text: "│ Speakers (")
        let topRow = wide.components(separatedBy: "\n")[0].components(separatedBy: "│")[0].trimmingCharacters(in: .whitespaces)
        t.resize(width: 60, height: 20)
        let narrow = t.waitFor("the speaker pane below") { $0.contains("────") && $0.contains(" Speakers (") && !$0.contains("│ Speakers") }
        #expect(narrow.components(separatedBy: "\n").allSatisfy { $0.count <= 60 })
        t.resize(width: 120, height: 40)
        let back = t.waitFor(text: "│ Speakers (")
        #expect(back.components(separatedBy: "\n")[0].contains(topRow), "the reading position moved")
        t.send("q")
        #expect(t.waitForExit().sane)
    }

    /// SGR parameters that set a colour (30–38, 40–48, 90–107; 39 and 49 reset to the default).
    static func colourCodes(_ s: String) -> [String] {
        var found: [String] = []
        var rest = Substring(s)
        while let r = rest.range(of: "\u{1B}[") {
            let after = rest[r.upperBound...]
            guard let m = after.firstIndex(where: { $0.isLetter }) else { break }
            if after[m] == "m" {
                for p in after[..<m].split(separator: ";").compactMap({ Int($0) }) where ((30...48).contains(p) || (90...107).contains(p)) && p != 39 {
                    found.append(String(after[..<m])); break
                }
            }
            rest = after[m...]
        }
        return found
    }

    @Test("NO_COLOR=1 draws without colour codes; without it there are some",
          .enabled(if: ReaderEndToEndTests.article != nil, "../shared/acceptance is absent"))
    func noColor() throws {
        guard let plain = try open(env: ["NO_COLOR": "1"]) else { return }
        plain.send("}")
        plain.waitFor(text: "▸")
        let codes = Self.colourCodes(plain.capture(escapes: true))
        #expect(codes.isEmpty, "colour codes under NO_COLOR: \(codes.prefix(5))")
        #expect(plain.capture(escapes: true).contains("\u{1B}["), "attributes are still used")
        plain.send("q")
        _ = plain.waitForExit()
        guard let coloured = try open() else { return }
        coloured.send("}")
        coloured.waitFor(text: "▸")
        let withColour = coloured.capture(escapes: true)
        #expect(!Self.colourCodes(withColour).isEmpty, "the control case has colour:\n\(withColour.prefix(600).debugDescription)")
        coloured.send("q")
        _ = coloured.waitForExit()
    }

    @Test("q leaves the terminal sane and exits 0")
    func quit() throws {
        let t = try TmuxSession(args: [])
        t.waitFor(text: "? help")
        t.send("q")
        let r = t.waitForExit()
        #expect(r.code == 0)
        #expect(r.sane, "stty after q:\n\(r.screen)")
    }

    @Test("SIGTERM leaves the terminal sane and exits 143; Ctrl-C exits 130; SIGHUP restores too",
          arguments: [("TERM", 143), ("INT", 130), ("HUP", 129), ("QUIT", 131)])
    func signals(name: String, code: Int) throws {
        let t = try TmuxSession(args: [])
        t.waitFor(text: "? help")
        if name == "INT" {
            t.send("C-c")
        } else {
            guard let pid = t.voicesPID() else { Issue.record("voices is not running"); return }
            kill(pid, name == "TERM" ? SIGTERM : name == "HUP" ? SIGHUP : SIGQUIT)
        }
        let r = t.waitForExit()
        #expect(r.code == code)
        #expect(r.sane, "stty after SIG\(name):\n\(r.screen)")
    }

    @Test("a crash restores the terminal and its message stays visible")
    func crash() throws {
        // Without the backtracer's long report, so the whole message fits on the screen.
        let t = try TmuxSession(args: ["--debug-crash"], env: ["SWIFT_BACKTRACE": "enable=no"])
        let r = t.waitForExit()
        #expect(r.sane, "stty after the crash:\n\(r.screen)")
        #expect(r.screen.contains("--debug-crash: trapping"), "stderr written while curses owned the screen is replayed")
        #expect(r.screen.contains("Fatal error: debug crash requested"))
        #expect(r.code != 0)
    }

    @Test("an unknown TERM gives a clear message and the plain listing")
    func unknownTerm() throws {
        let t = try TmuxSession(args: [], env: ["TERM": "no-such-terminal-xyz"])
        let r = t.waitForExit()
        // With the scrollback: the message comes before the listing.
        let all = (try? t.tmux(["capture-pane", "-p", "-S", "-200", "-t", "0"])) ?? ""
        #expect(all.contains("cannot use the terminal type \"no-such-terminal-xyz\""))
        #expect(r.code == 0)
        #expect(r.sane)
    }

    @Test("a tiny terminal shows a message, then the reader when it grows")
    func tiny() throws {
        let t = try TmuxSession(args: [], width: 10, height: 3)
        t.waitFor(text: "Too small")
        t.resize(width: 100, height: 30)
        t.waitFor(text: "? help")
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }
}

@Suite("voices with stdout not a terminal",
       .enabled(if: TmuxSession.binaryIsFresh, "needs an up-to-date .build/debug/voices (run swift build first)"))
struct PipedOutputTests {
    @Test("prints the plain listing and exits 0")
    func piped() throws {
        // stdin is /dev/null and stdout a pipe: neither is a terminal.
        let r = TmuxSession.run([TmuxSession.binary], capture: true)
        let text = r.output
        #expect(r.status == 0)
        #expect(text.hasPrefix("Harbour Town Votes"))
        #expect(!text.contains("\u{1B}["))
    }
}
