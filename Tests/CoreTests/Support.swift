import Testing
@testable import Core

/// Parses `body` under a title line, so tests read like short articles.
func parse(_ body: String, title: String = "Test Article") -> Article {
    ArticleParser.parse(title + "\n\n" + body)
}

/// The statements (direct, partial, indirect) as "kind text ← speaker" lines.
func statements(_ article: Article) -> [String] {
    article.quotations.filter { $0.kind.isStatement }.map { q in
        let speaker = q.speaker.map { article.speakers[$0].name } ?? "nobody"
        return "\(q.kind.rawValue) \(ArticleJSON.text(of: q, in: article)) ← \(speaker)"
    }
}

/// Compares two multi-line outlines and reports the first differing line.
func expectOutline(_ article: Article, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let got = ArticleOutline.render(article)
    #expect(got == expected, "outline differs:\n\(got)", sourceLocation: sourceLocation)
}

/// The speaker credited with the statement whose text contains `fragment`.
func speaker(of fragment: String, in article: Article, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    guard let q = article.quotations.first(where: { ArticleJSON.text(of: $0, in: article).contains(fragment) }) else {
        Issue.record("no quotation contains \(fragment)", sourceLocation: sourceLocation)
        return nil
    }
    return q.speaker.map { article.speakers[$0].name }
}
