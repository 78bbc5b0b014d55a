import Foundation
import Testing
import TestSupport

/// Whether tmux is on the machine (the terminal tests need it).
var tmuxInstalled: Bool {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs Tests/Terminal/robustness.sh (signals, forced crash, a resize storm, an article of
/// escape sequences, all under tmux) against `.build/debug/voices`.
@Suite("The reader in a real terminal (tmux)",
       .enabled(if: tmuxInstalled, "tmux is not installed (apt-get install -y tmux; .ci/run does)"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: BadInputMatrixTests.binary),
                "needs \(BadInputMatrixTests.binary): run swift build first"))
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
        // 77 is the script's "cannot run here": the suite's conditions should have caught it.
        #expect(r.status != 77, "the script could not run: \(text)")
        #expect(r.status == 0, "\(text)")
        #expect(text.contains("terminal robustness: all passed"), "\(text)")
    }
}
