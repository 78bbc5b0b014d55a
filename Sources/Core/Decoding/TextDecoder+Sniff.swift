extension TextDecoder {
    /// How many leading bytes `sniff` needs for the verdict the full decode would give.
    public var sniffLength: Int { 2 * sampleSize + 4 }

    /// An early verdict on the first bytes of an input: `.binary` when the full decode would
    /// refuse it as binary, nil when it may be text. Lets a reader stop after the first
    /// chunk of a pipe from /dev/urandom instead of reading up to its size limit.
    public func sniff(_ prefix: ArraySlice<UInt8>) -> DecodingError? {
        do {
            _ = try decode(Array(prefix.prefix(sniffLength)))
            return nil
        } catch {
            if case .binary = error { return error }
            return nil
        }
    }
}
