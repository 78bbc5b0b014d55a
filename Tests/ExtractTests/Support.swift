import Foundation
import Testing
import TestSupport
@testable import Extract

/// The package root, derived from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixture(_ name: String) throws -> [UInt8] {
    let url = packageRoot.appendingPathComponent("Tests/ExtractTests/Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

/// The extracted text of a fixture page or Markdown file.
func extractedText(_ name: String) throws -> String {
    let bytes = try fixture(name)
    let format = InputFormat.detect(path: name, bytes: bytes)
    return try ArticleInput.text(bytes: bytes, format: format)
}

/// Compares two multi-line texts and, when they differ, names the first differing line.
func expectSameText(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if actual == expected { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let k = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    let got = k < a.count ? String(a[k]) : "(end of text)"
    let want = k < e.count ? String(e[k]) : "(end of text)"
    Issue.record("texts differ at line \(k + 1):\n  got:  \(got)\n  want: \(want)\n--- whole text ---\n\(actual)", sourceLocation: sourceLocation)
}

/// An HTML page around a body fragment, for the small table cases.
func page(_ body: String, head: String = "<meta charset=\"utf-8\"><title>Test page</title>") -> String {
    "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>"
}

/// Three paragraphs long enough to count as an article, for cases about furniture.
let articleParagraphs = """
    <p>The ferry company said on Monday that crossings would resume next week after repairs to the landing stage were finished.</p>
    <p>“We are sorry for the disruption and grateful for everyone’s patience,” said the operations manager, Leila Haddad.</p>
    <p>Passengers with tickets for cancelled sailings can claim a refund through the company’s website until the end of the month.</p>
    """

// MARK: Running the binary

/// `<package root>/.build/debug/voices`, built by `swift build` / `swift test`.
let voicesBinary = packageRoot.appendingPathComponent(".build/debug/voices").path
let binaryIsBuilt = FileManager.default.isExecutableFile(atPath: voicesBinary)

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runVoices(_ arguments: [String], stdin: Data? = nil) throws -> RunResult {
    // posix_spawn + waitpid on the child (TestSupport.Spawn): Foundation's Process can miss
    // a child's exit when many tests spawn at once.
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("stdin")
    try (stdin ?? Data()).write(to: input)
    let out = dir.appendingPathComponent("stdout").path, err = dir.appendingPathComponent("stderr").path
    let outcome = Spawn.bash(#"exec "$1" "${@:2}""#,
                             args: [voicesBinary] + arguments, stdin: input.path, stdout: out, stderr: err,
                             environment: ["SWIFT_BACKTRACE": "enable=no"])
    let outData = FileManager.default.contents(atPath: out) ?? Data()
    let errData = FileManager.default.contents(atPath: err) ?? Data()
    return RunResult(status: outcome.status, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-extract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The JSON Lines of a `--json` run, each line as a dictionary.
func jsonLines(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let dict = object as? [String: Any] else {
            Issue.record("a JSON line is not an object: \(line)", sourceLocation: sourceLocation)
            return [:]
        }
        return dict
    }
}
