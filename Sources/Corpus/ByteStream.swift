#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Where a WARC file's records come from: the file's bytes as they are, or decompressed
/// member by member. `more` appends the next piece; positions in what it appends
/// ("stream offsets") map back to byte offsets in the file for messages.
protocol ByteStream: AnyObject {
    /// Appends the next bytes; false at the end of the input.
    func more(_ out: inout [UInt8]) throws(WARCError) -> Bool
    /// The file offset to name for something starting at `streamOffset`: the offset
    /// itself for an uncompressed file, the start of the gzip member holding it otherwise.
    func fileOffset(_ streamOffset: Int) -> Int
    /// Damage found so far that has not been handed on: the stream offset where good data
    /// stopped, and what was wrong. Data after it resumes at the same stream offset.
    func takeBreaks() -> [(stream: Int, file: Int, message: String)]
    /// Forget member positions before this stream offset (bounded memory).
    func forget(before streamOffset: Int)
}

/// Reads a file descriptor in large pieces.
final class FileReader {
    let fd: Int32
    let name: String
    private(set) var offset = 0

    init(fd: Int32, name: String) { self.fd = fd; self.name = name }

    /// Appends up to `count` bytes (at most 256 KB) straight into `buffer`'s storage: no
    /// scratch buffer to clear or copy from; 0 at the end.
    func read(into buffer: inout [UInt8], count: Int) throws(WARCError) -> Int {
        let want = min(count, 1 << 18)
        let start = buffer.count
        if buffer.capacity < start + want { buffer.reserveCapacity(max(buffer.capacity * 2, start + want)) }
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: want) { scratch in
            while true {
                let n = Glibc.read(fd, scratch.baseAddress!, want)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<n]))
                return
            }
        }
        if failure != 0 { throw .unreadable(name, String(cString: strerror(failure))) }
        let n = buffer.count - start
        offset += n
        return n
    }
}

/// An uncompressed WARC file.
final class PlainStream: ByteStream {
    let reader: FileReader
    private var pending: [UInt8]

    init(reader: FileReader, prefix: [UInt8]) { self.reader = reader; pending = prefix }

    func more(_ out: inout [UInt8]) throws(WARCError) -> Bool {
        if !pending.isEmpty { out.append(contentsOf: pending); pending = []; return true }
        return try reader.read(into: &out, count: 1 << 18) > 0
    }

    func fileOffset(_ streamOffset: Int) -> Int { streamOffset }
    func takeBreaks() -> [(stream: Int, file: Int, message: String)] { [] }
    func forget(before streamOffset: Int) {}
}

/// A gzip file of one or more members (a WARC file is written one member per record, so
/// that a record can be fetched by its offset). A corrupt or cut member is reported and
/// reading resumes at the next member's header.
final class GzipStream: ByteStream {
    let reader: FileReader
    private var input: [UInt8]
    /// File offset of `input[0]`.
    private var inputBase = 0
    private var inPos = 0
    private var eof = false
    private var z = z_stream()
    private var zReady = false
    private var inMember = false
    private var memberFileStart = 0
    /// Decompressed bytes handed out so far.
    private var produced = 0
    /// (stream offset, file offset) of each member start not yet forgotten.
    private var members: [(stream: Int, file: Int)] = []
    private var breaks: [(stream: Int, file: Int, message: String)] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 18)

    init(reader: FileReader, prefix: [UInt8]) {
        self.reader = reader
        input = prefix
    }

    deinit { if zReady { inflateEnd(&z) } }

    func fileOffset(_ streamOffset: Int) -> Int {
        var lo = 0, hi = members.count - 1
        var best: Int?
        while lo <= hi {
            let mid = (lo + hi) / 2
            if members[mid].stream <= streamOffset { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best.map { members[$0].file } ?? memberFileStart
    }

    func takeBreaks() -> [(stream: Int, file: Int, message: String)] { defer { breaks = [] }; return breaks }

    func forget(before streamOffset: Int) {
        // Keep the last member that starts at or before the offset.
        var k = 0
        while k + 1 < members.count, members[k + 1].stream <= streamOffset { k += 1 }
        if k > 0 { members.removeFirst(k) }
    }

    /// At least `n` unread input bytes, unless the file ends first.
    private func fill(_ n: Int) throws(WARCError) {
        while input.count - inPos < n && !eof {
            // Keep the current member's bytes (after damage, the next member is looked for
            // from its start); a member is about the size of its record.
            let keep = min(inPos, inMember ? memberFileStart - inputBase : inPos)
            if keep > (1 << 16) {
                input.removeFirst(keep)
                inputBase += keep
                inPos -= keep
            }
            if try reader.read(into: &input, count: 1 << 18) == 0 { eof = true }
        }
    }

    /// The index in `input` of the next gzip header at or after index `start`, or nil.
    private func findMagic(from start: Int) throws(WARCError) -> Int? {
        var at = inputBase + start   // absolute file offset: `fill` may move the buffer
        while true {
            try fill(at - inputBase - inPos + 3)
            let i = at - inputBase
            if i + 3 > input.count { return nil }
            if isGzipMagic(at: i) { return i }
            at += 1
            // Far from anything: let the scanned bytes go so the buffer stays small.
            if i - inPos > (1 << 20) { inPos = i }
        }
    }

    private func isGzipMagic(at i: Int) -> Bool {
        guard i >= 0, i + 3 <= input.count else { return false }
        let a: UInt8 = input[i], b: UInt8 = input[i + 1], c: UInt8 = input[i + 2]
        return a == 0x1F && b == 0x8B && c == 0x08
    }

    func more(_ out: inout [UInt8]) throws(WARCError) -> Bool {
        while true {
            if !inMember {
                try fill(3)
                if inPos >= input.count { return false }
                var start = inPos
                if !isGzipMagic(at: inPos) {
                    let from = inputBase + inPos
                    // Zero padding after the last member is common and harmless.
                    if eof && input[inPos...].allSatisfy({ $0 == 0 }) { inPos = input.count; return false }
                    guard let m = try findMagic(from: inPos) else {
                        breaks.append((produced, from, "bytes from \(from) to the end are not gzip data"))
                        inPos = input.count
                        return false
                    }
                    breaks.append((produced, from, "bytes \(from)–\(inputBase + m - 1) are not gzip data; skipped"))
                    start = m
                }
                inPos = start
                memberFileStart = inputBase + start
                members.append((produced, memberFileStart))
                if zReady {
                    inflateReset(&z)
                } else {
                    guard voices_inflate_init(&z, 15 + 16) == Z_OK else { throw .unreadable(reader.name, "zlib could not start") }
                    zReady = true
                }
                inMember = true
            }
            try fill(1)
            let before = produced
            let available = input.count - inPos
            var ret: Int32 = Z_OK
            var consumed = 0
            let position = inPos
            input.withUnsafeMutableBufferPointer { inBuf in
                chunk.withUnsafeMutableBufferPointer { c in
                    z.next_in = inBuf.baseAddress! + position
                    z.avail_in = UInt32(available)
                    z.next_out = c.baseAddress
                    z.avail_out = UInt32(c.count)
                    ret = inflate(&z, Z_NO_FLUSH)
                    consumed = available - Int(z.avail_in)
                }
            }
            let n = chunk.count - Int(z.avail_out)
            out.append(contentsOf: chunk[0..<n])
            produced += n
            inPos += consumed
            switch ret {
            case Z_STREAM_END:
                inMember = false
            case Z_OK:
                break
            case Z_BUF_ERROR:
                if available == 0 && eof {
                    breaks.append((produced, memberFileStart, "the gzip member at byte \(memberFileStart) is cut short (the file ends inside it)"))
                    inMember = false
                    return n > 0
                }
            default:
                let why = z.msg.map { String(cString: $0) } ?? "error \(ret)"
                breaks.append((produced, memberFileStart, "the gzip member at byte \(memberFileStart) is corrupt (\(why))"))
                inMember = false
                // Resume at the next member header after the member's start (the bytes of a
                // following member may already have been fed to the broken one).
                let from = max(memberFileStart + 1 - inputBase, 0)
                if let m = try findMagic(from: from) { inPos = m } else { inPos = input.count }
            }
            if produced > before { return true }
            if available == 0 && eof && !inMember { return false }
        }
    }
}
