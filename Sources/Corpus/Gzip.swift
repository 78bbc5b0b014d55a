import CZlib

/// gzip through zlib: whole buffers (HTTP bodies sent with `Content-Encoding: gzip`, the
/// WARC files the tests and the benchmark write) and, in `GzipStream`, a file of many
/// members read piece by piece.
public enum Gzip {
    /// One gzip member holding `bytes`.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var s = z_stream()
        guard voices_deflate_init_gzip(&s, level) == Z_OK else { return [] }
        defer { deflateEnd(&s) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        bytes.withUnsafeBufferPointer { input in
            s.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            s.avail_in = UInt32(input.count)
            while true {
                let ret: Int32 = chunk.withUnsafeMutableBufferPointer { c in
                    s.next_out = c.baseAddress
                    s.avail_out = UInt32(c.count)
                    return deflate(&s, Z_FINISH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(s.avail_out))])
                if ret == Z_STREAM_END || ret < 0 { break }
            }
        }
        return out
    }

    /// A gzip or zlib stream (or raw deflate, as some servers send for `deflate`)
    /// decompressed; nil when it is corrupt or would be larger than `limit`.
    public static func decompress<C: Collection<UInt8>>(_ bytes: C, limit: Int) -> [UInt8]? {
        let input = Array(bytes)
        if let out = inflateAll(input, windowBits: 15 + 32, limit: limit) { return out }
        return inflateAll(input, windowBits: -15, limit: limit)
    }

    private static func inflateAll(_ input: [UInt8], windowBits: Int32, limit: Int) -> [UInt8]? {
        var s = z_stream()
        guard voices_inflate_init(&s, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&s) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { inBuf -> [UInt8]? in
            s.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            s.avail_in = UInt32(inBuf.count)
            while true {
                let ret: Int32 = chunk.withUnsafeMutableBufferPointer { c in
                    s.next_out = c.baseAddress
                    s.avail_out = UInt32(c.count)
                    return inflate(&s, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(s.avail_out))])
                if out.count > limit { return nil }
                if ret == Z_STREAM_END { return out }
                if ret != Z_OK { return ret == Z_BUF_ERROR && !out.isEmpty && s.avail_in == 0 ? out : nil }
            }
        }
    }
}

extension Gzip {
    /// The first `count` bytes (or fewer) that a gzip stream starting with `bytes` holds.
    static func decompressPrefix(_ bytes: [UInt8], count: Int) -> [UInt8] {
        var s = z_stream()
        guard voices_inflate_init(&s, 15 + 16) == Z_OK else { return [] }
        defer { inflateEnd(&s) }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        bytes.withUnsafeBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { o in
                s.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                s.avail_in = UInt32(inBuf.count)
                s.next_out = o.baseAddress
                s.avail_out = UInt32(count)
                _ = inflate(&s, Z_SYNC_FLUSH)
                got = count - Int(s.avail_out)
            }
        }
        return Array(out[0..<got])
    }
}
