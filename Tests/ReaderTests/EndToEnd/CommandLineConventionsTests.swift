import Foundation
import Testing

/// The `voices` binary as a command-line tool: --speaker, --color, file names in --list,
/// completions. Runs the binary with a pipe for output (no terminal needed).
@Suite("voices as a command-line tool",
       .enabled(if: TmuxSession.binaryIsFresh, "needs an up-to-date .build/debug/voices (run swift build first)"))
struct CommandLineConventionsTests {
    static func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voices-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let text = """
        Pier to close

        “We had no choice,” said Ann Lee, the mayor. “It hurts,” said Bo Park, a skipper.

        “Nobody asked us,” Park said. Lee said the vote was final.
        """

    func run(_ args: [String]) -> (status: Int32, output: String) {
        let r = TmuxSession.run([TmuxSession.binary] + args, capture: true)
        return ((r.status >> 8) & 0xFF, r.output)
    }

    @Test("--list --speaker keeps one speaker; --json --speaker too; accents and case ignored")
    func speaker() throws {
        let file = try Self.write(Self.text, name: "pier.txt")
        let list = run(["--list", "--speaker", "PARK", file])
        #expect(list.status == 0)
        #expect(list.output.contains("Bo Park"))
        #expect(list.output.contains("“Nobody asked us,”"))
        #expect(!list.output.contains("Ann Lee"))
        let json = run(["--json", "--speaker", "ánn", file])
        #expect(json.output.contains("\"name\": \"Ann Lee\""))
        #expect(!json.output.contains("Bo Park"))
        #expect(run(["--speaker", "x", file]).status == 64, "--speaker needs --list, --explain or --json")
    }

    @Test("--list over several files names each; --color=always colours the names for less -R")
    func listing() throws {
        let a = try Self.write(Self.text, name: "a.txt")
        let b = try Self.write(Self.text, name: "b.txt")
        let out = run(["--list", a, b]).output
        #expect(out.contains("==> \(a) <==") && out.contains("==> \(b) <=="))
        #expect(!out.contains("\u{1B}["), "no colour into a pipe by default")
        let coloured = run(["--list", "--color=always", a]).output
        #expect(coloured.contains("\u{1B}[1;35mAnn Lee"))
        #expect(run(["--list", "--color=never", a]).output == run(["--list", a]).output)
        #expect(run(["--list", "--color=sometimes", a]).status == 64)
    }

    @Test("shell completions come from the binary and know its options")
    func completions() {
        for shell in ["bash", "zsh", "fish"] {
            let out = run(["--generate-completion-script", shell]).output
            #expect(out.contains("speaker") && out.contains("color") && out.contains("max-width"), "\(shell) completions")
        }
    }
}
