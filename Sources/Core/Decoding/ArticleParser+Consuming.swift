extension ArticleParser {
    /// `parse(bytes:)` for a caller that has no more use for the bytes: they are released as
    /// soon as they are decoded, so the input and the parsed model are never in memory
    /// together (a 200 MB file peaks 200 MB lower). `bytes` is empty afterwards.
    public static func parse(consuming bytes: inout [UInt8]) throws(DecodingError) -> Article {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder().decode(bytes)
        } catch {
            bytes = []
            throw error
        }
        bytes = []
        return parse(decoded)
    }
}
