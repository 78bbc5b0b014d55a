/// A half-open span of the article's text.
///
/// **Offsets count UTF-8 bytes** into `Article.text` (the decoded text Core parsed).
/// For UTF-8 input without a byte-order mark and without invalid bytes this is the
/// input file byte for byte, so offsets are the file's own byte offsets. A UTF-8 BOM
/// is dropped (offsets then start after it); UTF-16 input and replaced invalid bytes
/// are re-encoded, so offsets refer to the decoded UTF-8 text, as `--json` documents.
/// `end` is exclusive.
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { other.start < end && start < other.end }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "\(start)..<\(end)" }
}
