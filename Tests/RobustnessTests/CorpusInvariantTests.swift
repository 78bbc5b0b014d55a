import Foundation
import Testing
@testable import Core

/// The fuzzer's invariants (Support/ArticleInvariants.swift) as a short deterministic pass:
/// every seed in Fuzz/corpus, and the generated nasty inputs at a size a debug build runs quickly.
@Suite("Core keeps its invariants on hostile input")
struct CorpusInvariantTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpusDirectory = root.appendingPathComponent("Fuzz/corpus")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []).sorted()
    }

    @Test("the seed corpus is there") func corpusIsPresent() {
        #expect(Self.corpusFiles.count >= 50, "Fuzz/corpus should hold the seed inputs")
    }

    @Test("a corpus seed keeps every invariant", arguments: corpusFiles)
    func seed(_ name: String) throws {
        let data = try Data(contentsOf: Self.corpusDirectory.appendingPathComponent(name))
        let problems = ArticleInvariants.check(bytes: [UInt8](data))
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
    }

    /// The generated cases (Fuzz/run checks them at full size with the sanitizers).
    @Test("a generated nasty input keeps every invariant", arguments: NastyInputs.all(scale: 0.1).map(\.0))
    func generated(_ name: String) {
        let bytes = NastyInputs.all(scale: 0.1).first { $0.0 == name }!.1
        let problems = ArticleInvariants.check(bytes: bytes)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(10).joined(separator: "\n"))")
    }
}

/// The checks themselves must be able to fail: broken models and broken JSON are caught.
@Suite("The invariant checks catch what they should")
struct InvariantCheckTests {
    static let badJSON: [(String, String)] = [
        ("a trailing comma", #"{"a": [1, 2,]}"#),
        ("a raw newline in a string", "{\"a\": \"x\ny\"}"),
        ("a lone surrogate escape", #"{"a": "\ud800"}"#),
        ("a leading zero", #"{"a": 01}"#),
        ("a duplicate key", #"{"a": 1, "a": 2}"#),
        ("an unknown escape", #"{"a": "\x"}"#),
        ("text after the document", #"{} {}"#),
        ("an unterminated string", #"{"a": "x}"#),
        ("a bare word", #"{"a": nul}"#),
        ("nothing at all", ""),
    ]

    @Test("strict JSON parsing rejects", arguments: badJSON.map(\.0))
    func rejects(_ name: String) {
        let text = Self.badJSON.first { $0.0 == name }!.1
        #expect(throws: JSONSyntaxError.self) { try JSONCheck.parse(text) }
    }

    @Test("strict JSON parsing accepts escapes and numbers")
    func accepts() throws {
        let v = try JSONCheck.parse(#" {"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "n": [-0.5e+3, 0, 12, true, false, null]} "#)
        #expect(v["s"]?.stringValue == "a\"\\/\u{8}\u{C}\n\r\té😀")
        #expect(v["n"]?.arrayValue?.count == 6)
    }

    @Test("a range outside the text, a split character and a missing speaker are reported")
    func brokenModel() {
        let text = "“Né,” he said."
        let bad = Quotation(id: 0, range: TextRange(4, 40), kind: .direct, paragraph: 0, sentence: 0, speaker: 3)
        let split = Quotation(id: 1, range: TextRange(1, 5), kind: .direct, paragraph: 0, sentence: 0)
        let article = Article(text: text, paragraphs: [Paragraph(range: TextRange(0, text.utf8.count), sentences: 0..<1)],
                              sentences: [Sentence(range: TextRange(0, text.utf8.count), paragraph: 0)],
                              quotations: [bad, split])
        var problems: [String] = []
        ArticleInvariants.checkRanges(article, into: &problems)
        ArticleInvariants.checkIndices(article, into: &problems)
        #expect(problems.contains { $0.contains("outside the text") })
        #expect(problems.contains { $0.contains("splits a UTF-8 sequence") })
        #expect(problems.contains { $0.contains("names speaker 3") })
    }

    @Test("valid UTF-8 that is not kept byte for byte is reported")
    func textChanged() {
        var problems: [String] = []
        ArticleInvariants.checkText(Article(text: "abc"), input: Array("abd".utf8), into: &problems)
        #expect(problems.count == 1)
    }
}
