/// Finds the title and the paragraphs.
///
/// Paragraphs are separated by blank lines. A text with no blank lines but several
/// lines holds one paragraph per line. The title is a first line followed by a blank
/// line (and short enough to be a headline). LF, CRLF and CR line ends are understood.
struct StructureScanner {
    /// A first line longer than this is a paragraph, not a headline.
    var maxTitleBytes = 400

    struct Result {
        var title: TextRange?
        var paragraphs: [TextRange]
        var titleIndex: Int?
        var diagnostics: [Diagnostic] = []
    }

    func scan(_ source: Source) -> Result {
        // Blocks are runs of non-blank lines; each becomes its paragraphs as it ends. Only the
        // block being read keeps its lines (as (start, end-without-line-break), trimmed), in
        // one array emptied at each block's end.
        var paragraphs: [TextRange] = []
        var blockLines: [TextRange] = []
        var blocks = 0
        var firstLine: TextRange?, firstBlock: TextRange?
        // A line break inside a block ends a paragraph, unless the block is hard-wrapped
        // prose (every line but the last short, the way mail and wire copy wrap at ~72).
        func endBlock() {
            guard let first = blockLines.first, let last = blockLines.last else { return }
            let block = TextRange(first.start, last.end)
            if blockLines.count <= 1 || isHardWrapped(blockLines[...]) {
                paragraphs.append(block)
            } else {
                paragraphs.append(contentsOf: blockLines)
            }
            if blocks == 0 { firstLine = first; firstBlock = block }
            blocks += 1
            blockLines.removeAll(keepingCapacity: true)
        }
        var i = 0
        let n = source.count
        while i < n {
            let lineStart = i
            i = source.skip(from: i, to: n, until: 0x0A, 0x0D, 0x0D, orHigh: false)
            let lineEnd = i
            if i < n { i += (source[i] == 0x0D && i + 1 < n && source[i + 1] == 0x0A) ? 2 : 1 }
            let t = source.trimmed(TextRange(lineStart, lineEnd))
            if t.isEmpty { endBlock() } else { blockLines.append(t) }
        }
        endBlock()

        var result = Result(title: nil, paragraphs: paragraphs)
        // A title: the first line, followed by a blank line, short, with more text after it.
        if paragraphs.count > 1, blocks > 1, let first = firstLine, first == firstBlock,
           first.length <= maxTitleBytes, !endsLikeProseParagraph(source, first) {
            result.title = first
            result.titleIndex = 0
        }
        return result
    }

    /// Hard-wrapped: all lines but the last at most `wrapWidth` bytes, and most of them
    /// near that width (a list of short lines is not wrapped prose).
    private func isHardWrapped(_ lines: ArraySlice<TextRange>) -> Bool {
        let body = lines.dropLast()
        guard body.allSatisfy({ $0.length <= wrapWidth }) else { return false }
        let long = body.filter { $0.length >= 50 }.count
        return long * 2 >= body.count
    }

    /// Lines longer than this are paragraphs of their own, never wrapped prose.
    var wrapWidth = 100

    /// A headline rarely holds more than one sentence; a first "line" with several
    /// sentences is body text.
    private func endsLikeProseParagraph(_ source: Source, _ range: TextRange) -> Bool {
        var sentenceMarks = 0
        var i = range.start
        while i < range.end - 1 {
            let b = source[i]
            if (b == 0x2E || b == 0x21 || b == 0x3F) && source[i + 1] == 0x20 { sentenceMarks += 1 }
            i += 1
        }
        return sentenceMarks >= 2
    }
}
