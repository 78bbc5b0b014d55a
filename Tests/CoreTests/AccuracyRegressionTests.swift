import Foundation
import Testing
import TestSupport
@testable import Core

/// Accuracy can't quietly fall: Core's output on the shared annotated articles is scored by
/// the project's scorer (`../shared/eval/score.py`) and must stay a little under the figures
/// reached (docs/accuracy.md). Core runs in-process; the scorer reads its JSON through a
/// small lookup script, so the figures are the scorer's own.
@Suite("Accuracy on the shared articles", .serialized)
struct AccuracyRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    struct Figures {
        var f1 = 0.0, endToEnd = 0.0, indirect = 0.0, roles = 0.0
    }

    static func score(_ folder: String) throws -> Figures? {
        let dir = shared.appendingPathComponent(folder)
        let scorer = shared.appendingPathComponent("eval/score.py")
        guard FileManager.default.fileExists(atPath: dir.path), FileManager.default.fileExists(atPath: scorer.path) else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("voices-accuracy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            let article = try ArticleParser.parse(bytes: bytes)
            try ArticleJSON.render(article).write(to: out.appendingPathComponent(name + ".json"), atomically: true, encoding: .utf8)
        }
        let lookup = out.appendingPathComponent("lookup.py")
        try """
            import os, sys
            sys.stdout.write(open(os.path.join(\(String(reflecting: out.path)), os.path.basename(sys.argv[1]) + ".json"), encoding="utf-8").read())
            """.write(to: lookup, atomically: true, encoding: .utf8)
        let report = out.appendingPathComponent("report.txt").path
        let outcome = Spawn.bash(#"python3 "$1" --cmd "python3 $2" "$3""#, args: [scorer.path, lookup.path, dir.path],
                                 stdout: report, stderr: out.appendingPathComponent("errors.txt").path, timeout: 300)
        guard !outcome.timedOut, let data = FileManager.default.contents(atPath: report) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let last = text.split(separator: "\n").last(where: { $0.hasPrefix("quotes ") }) else { return nil }
        var f = Figures()
        for part in last.split(separator: " ") {
            let kv = part.split(separator: "=")
            guard kv.count == 2, let v = Double(kv[1]) else { continue }
            switch kv[0] {
            case "F1": f.f1 = v
            case "end-to-end": f.endToEnd = v
            case "indirect": f.indirect = v
            case "roles": f.roles = v
            default: break
            }
        }
        return f
    }

    @Test("the first article stays at 1.000 on every figure")
    func acceptance() throws {
        guard let f = try Self.score("acceptance") else {
            print("skipped: ../shared/acceptance or python3 not found")
            return
        }
        #expect(f.f1 == 1.0)
        #expect(f.endToEnd == 1.0)
        #expect(f.indirect == 1.0)
        #expect(f.roles == 1.0)
    }

    @Test("polnear-dev stays above its thresholds")
    func polnear() throws {
        guard let f = try Self.score("eval/polnear-dev") else {
            print("skipped: ../shared/eval/polnear-dev or python3 not found")
            return
        }
        #expect(f.f1 >= 0.96, "quote F1 \(f.f1)")
        #expect(f.endToEnd >= 0.90, "end-to-end \(f.endToEnd)")
        #expect(f.indirect >= 0.70, "indirect \(f.indirect)")
    }
}
