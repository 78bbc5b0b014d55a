import Core

/// The interactive reader (placeholder: prints the listing until the curses front end lands).
enum InteractiveReader {
    static func run(articles: [Article], mouse: Bool) -> Int32 {
        for a in articles { try? Output.write(ArticleListing.render(a)) }
        return 0
    }
}
