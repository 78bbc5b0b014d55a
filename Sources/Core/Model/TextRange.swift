/// A half-open span of the article's text.
///
/// **Offsets count UTF-8 bytes** into `Article.text` (the decoded text Core parsed).
/// For UTF-8 input without a byte-order mark and without invalid bytes this is the
/// input file byte for byte, so offsets are the file's own byte offsets. A UTF-8 BOM
/// is dropped (offsets then start after it); UTF-16 input and replaced invalid bytes
/// are re-encoded, so offsets refer to the decoded UTF-8 text, as `--json` documents.
/// `end` is exclusive.
///
/// Stored in 32 bits each (8 bytes a range, not 16: the model holds millions of them, in
/// every quotation, sentence, paragraph and mention), so an article is at most 2 GB; Voices
/// reads at most 1 GB. The API is `Int`.
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    private var lower: Int32
    private var upper: Int32

    public var start: Int {
        @inline(__always) get { Int(lower) }
        @inline(__always) set { lower = Int32(newValue) }
    }
    public var end: Int {
        @inline(__always) get { Int(upper) }
        @inline(__always) set { upper = Int32(newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        lower = Int32(start)
        upper = Int32(end)
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Int.self, forKey: .start), try c.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
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
