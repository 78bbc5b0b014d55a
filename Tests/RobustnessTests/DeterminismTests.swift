import Foundation
import Testing
import TestSupport

/// `<package root>/.build/debug/voices`.
func determinismBinary() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/.build/debug/voices"
}

/// The same input gives byte-identical output on every run: two processes (each with its
/// own hash seed) print the same `--json`, `--list` and `--explain` bytes.
@Suite("Deterministic output", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: determinismBinary()), "the built binary .build/debug/voices is missing (run swift build first)"))
struct DeterminismTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let binary = determinismBinary()

    /// Speakers first named at one offset ("Republican pollster Dana Shaw") once took their
    /// order from a Set.
    static let article = """
        Harbour Vote

        Republican pollster Dana Shaw and Democratic strategist Ivo Petrov met on Monday. “The pier is finished,” Shaw said.
        “Nobody can save it,” Petrov said. The council, the mayor and the ferry company said in a statement that talks would go on.
        Northwind Energy said the vote was “a mistake”, and the company noted that it had offered to pay for repairs.

        """

    @Test("two runs print the same bytes", arguments: ["--json", "--list", "--explain"])
    func twoRuns(flag: String) throws {
        let dir = NSTemporaryDirectory() + "voices-determinism-\(getpid())-\(flag.dropFirst(2))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/article.txt"
        try Self.article.write(toFile: input, atomically: true, encoding: .utf8)
        var outputs: [Data] = []
        for run in 0..<2 {
            let out = dir + "/out\(run)"
            let r = Spawn.bash(#""$1" "$2" "$3""#, args: [Self.binary, flag, input], stdout: out, stderr: dir + "/err\(run)", timeout: 60)
            #expect(r.status == 0 && !r.signalled, "run \(run) of \(flag) failed")
            outputs.append(FileManager.default.contents(atPath: out) ?? Data())
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[0] == outputs[1], "\(flag): the two runs differ")
    }
}
