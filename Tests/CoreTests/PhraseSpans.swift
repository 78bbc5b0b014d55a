@testable import Core

/// Every span of tokens of one English sentence (`text`, read whole), with the mention finder
/// over it: the byte-level shortcuts of mention finding and of the registry are checked
/// against the string-level rules span by span.
enum PhraseSpans {
    static func forEach(in text: String, firstWordOnly: Bool = false,
                        _ body: (_ tokens: [Token], _ span: Range<Int>, _ finder: MentionFinder) -> Void) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let source = Source(bytes: b)
            var tokenizer = SentenceTokenizer(pack: .english)
            var first = 0
            let tokens = tokenizer.tokens(source, sentence: TextRange(0, b.count), quotes: [], firstQuote: &first)
            let finder = MentionFinder(source: source, pack: .english)
            for lo in 0..<tokens.count where !firstWordOnly || tokens[lo].isWord {
                for hi in (lo + 1)...tokens.count { body(tokens, lo..<hi, finder) }
            }
        }
    }
}
