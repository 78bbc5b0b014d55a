/// Something about the input the reader should know. Carried in the model and in `--json`.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case note, warning
    }

    public enum Code: String, Sendable, Hashable, Codable {
        /// Bytes that were not valid in the input's encoding were replaced by U+FFFD.
        case invalidBytes = "invalid-bytes"
        /// A quotation mark was never closed; the quotation was ended at the paragraph's end.
        case unclosedQuotation = "unclosed-quotation"
        /// A closing mark with no opening mark.
        case strayClosingMark = "stray-closing-mark"
        /// Control characters in the text (shown as symbols by the reader).
        case controlCharacters = "control-characters"
        /// The text was decoded from UTF-16.
        case utf16 = "utf16"
        /// A mark of any other kind.
        case other = "other"
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    /// Byte offset in the input (before decoding) or in the text, as the message says.
    public var byteOffset: Int?

    public init(severity: Severity = .warning, code: Code, message: String, byteOffset: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.byteOffset = byteOffset
    }
}
