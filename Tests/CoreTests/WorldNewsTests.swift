import Foundation
import Testing
@testable import Core

/// Short news articles of our own in the styles of other countries' outlets (Nigerian,
/// Kenyan, South African, Ghanaian, Indian, Pakistani, Singaporean, Malaysian, Philippine,
/// Chinese and Korean names, British, Irish, Scottish, Australian, New Zealand, Canadian, wire
/// copy), each with its expected answers in the shared scorer's format (`Fixtures/world`,
/// `*.expected.json`; `python3 ../shared/eval/score.py --cmd "voices --json"
/// Tests/CoreTests/Fixtures/world` scores them the same way). The floors are the figures when
/// the set was written, less a small margin: a rule that breaks one of these styles fails here.
@Suite("News from other countries (our own articles)")
struct WorldNewsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/world")

    struct Expected: Decodable {
        struct Item: Decodable { var text: String; var speaker: String?; var accept_null: Bool? }
        struct Person: Decodable { var key: String; var role: String? }
        var speakers: [Person]?
        var quotes: [Item]?
        var indirect: [Item]?
    }

    /// As the scorer reads text: quotation marks unified, spaces collapsed, marks and
    /// punctuation trimmed at both ends, lower case.
    static func norm(_ s: String) -> String {
        var t = s.precomposedStringWithCompatibilityMapping
        for c in ["“", "”", "„", "‟", "«", "»"] { t = t.replacingOccurrences(of: c, with: "\"") }
        for c in ["‘", "’", "‚", "‹", "›"] { t = t.replacingOccurrences(of: c, with: "'") }
        let trim = CharacterSet(charactersIn: "\"'“”‘’«»„‟‚‹›「」『』 \t\n\r.,;:!?…—–-")
        return t.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingCharacters(in: trim).lowercased()
    }

    static func matches(_ pred: String, _ exp: String) -> Bool {
        !pred.isEmpty && !exp.isEmpty && (pred == exp || pred.contains(exp) || exp.contains(pred) && pred.count * 5 >= exp.count * 4)
    }

    static func overlaps(_ pred: String, _ exp: String) -> Bool {
        guard !pred.isEmpty, !exp.isEmpty else { return false }
        if pred.contains(exp) || exp.contains(pred) && pred.count * 5 >= exp.count * 3 { return true }
        let ew = exp.split(separator: " "), pw = Set(pred.split(separator: " "))
        return !ew.isEmpty && ew.filter { pw.contains($0) }.count * 5 >= ew.count * 4
    }

    struct Tally { var exp = 0, right = 0, iexp = 0, iright = 0, roles = 0, rolesRight = 0; var misses: [String] = [] }

    static func score(_ name: String, _ article: Article, _ e: Expected, into t: inout Tally) {
        func names(_ s: Int?) -> String {
            guard let s else { return "" }
            return ([article.speakers[s].name] + article.speakers[s].aliases).joined(separator: " | ").lowercased()
        }
        func attributed(_ q: Quotation, _ item: Expected.Item) -> Bool {
            guard let key = item.speaker else { return q.speaker == nil || item.accept_null == true }
            if q.speaker == nil { return item.accept_null == true }
            return names(q.speaker).contains(key.lowercased())
        }
        let marked = article.quotations.filter { $0.kind != .indirect }
        let indirect = article.quotations.filter { $0.kind == .indirect }
        let text = { (q: Quotation) in norm(ArticleJSON.text(of: q, in: article)) }
        for item in e.quotes ?? [] {
            t.exp += 1
            let cands = marked.filter { matches(text($0), norm(item.text)) }
            if cands.contains(where: { attributed($0, item) }) { t.right += 1 } else { t.misses.append("\(name): quote “\(item.text.prefix(40))” want \(item.speaker ?? "nobody"), got \(cands.map { names($0.speaker) })") }
        }
        for item in e.indirect ?? [] {
            t.iexp += 1
            let cands = indirect.filter { overlaps(text($0), norm(item.text)) }
            if cands.contains(where: { attributed($0, item) }) { t.iright += 1 } else { t.misses.append("\(name): reported “\(item.text.prefix(40))” want \(item.speaker ?? "nobody"), got \(cands.map { names($0.speaker) })") }
        }
        for p in e.speakers ?? [] {
            guard let role = p.role else { continue }
            t.roles += 1
            let holders = article.speakers.filter { ([$0.name] + $0.aliases).joined(separator: " | ").lowercased().contains(p.key.lowercased()) }
            if holders.contains(where: { $0.roles.contains { $0.lowercased().contains(role.lowercased()) } }) { t.rolesRight += 1 } else { t.misses.append("\(name): role \(role) of \(p.key), got \(holders.map(\.roles))") }
        }
    }

    @Test("every article's quotations, reported speech and roles, scored as the shared scorer does")
    func worldNews() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(files.count >= 20, "the fixtures are missing from \(Self.folder.path)")
        var t = Tally()
        for f in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(f), encoding: .utf8)
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.folder.appendingPathComponent(String(f.dropLast(4)) + ".expected.json")))
            Self.score(f, ArticleParser.parse(text), expected, into: &t)
        }
        let e2e = Double(t.right) / Double(t.exp), ind = Double(t.iright) / Double(t.iexp), roles = Double(t.rolesRight) / Double(t.roles)
        #expect(t.exp >= 60 && t.iexp >= 80 && t.roles >= 40, "the set has shrunk: \(t.exp) quotes, \(t.iexp) reported, \(t.roles) roles")
        #expect(e2e >= 0.98, "end-to-end \(e2e): \(t.misses.joined(separator: "\n"))")
        #expect(ind >= 0.95, "reported speech \(ind): \(t.misses.joined(separator: "\n"))")
        #expect(roles >= 0.95, "roles \(roles): \(t.misses.joined(separator: "\n"))")
    }
}
