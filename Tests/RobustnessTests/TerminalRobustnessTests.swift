import Foundation
import Testing

/// Runs Tests/Terminal/robustness.sh (signals, forced crash, a resize storm, an article of
/// escape sequences, all under tmux) against `.build/debug/voices`.
@Suite("The reader in a real terminal (tmux)")
struct TerminalRobustnessTests {
    @Test("signals, a crash, a resize storm and escape sequences leave the terminal as it was")
    func script() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [root + "/Tests/Terminal/robustness.sh", root + "/.build/debug/voices"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 77 {
            print("skipped: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
            return
        }
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("terminal robustness: all passed"), "\(text)")
    }
}
