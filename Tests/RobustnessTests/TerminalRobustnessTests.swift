import Foundation
import Testing
import TestSupport

/// Runs Tests/Terminal/robustness.sh (signals, forced crash, a resize storm, an article of
/// escape sequences, all under tmux) against `.build/debug/voices`.
@Suite("The reader in a real terminal (tmux)")
struct TerminalRobustnessTests {
    @Test("signals, a crash, a resize storm and escape sequences leave the terminal as it was")
    func script() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let log = NSTemporaryDirectory() + "voices-terminal-\(getpid()).log"
        defer { unlink(log) }
        let r = Spawn.bash("exec \"$1\"/Tests/Terminal/robustness.sh \"$1\"/.build/debug/voices 2>&1", args: [root],
                           stdout: log, stderr: "/dev/null", timeout: 180)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(!r.timedOut, "the script timed out:\n\(text)")
        if r.status == 77 {
            print("skipped: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
            return
        }
        #expect(r.status == 0, "\(text)")
        #expect(text.contains("terminal robustness: all passed"), "\(text)")
    }
}
