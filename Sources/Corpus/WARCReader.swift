#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a WARC file could not be read at all (damage inside it is a `WARCReader.Event.problem`).
public enum WARCError: Error, Sendable, Equatable {
    case notFound(String)
    case permissionDenied(String)
    case isDirectory(String)
    case unreadable(String, String)
    case notWARC(String)

    public var message: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .permissionDenied(let p): return "\(p): permission denied"
        case .isDirectory(let p): return "\(p): is a folder, not a WARC file"
        case .unreadable(let p, let why): return "\(p): cannot be read (\(why))"
        case .notWARC(let p): return "\(p): not a WARC file (no WARC/1.x record at its start)"
        }
    }

    /// sysexits(3).
    public var exitCode: Int32 {
        switch self {
        case .notFound, .isDirectory: return 66
        case .permissionDenied: return 77
        case .unreadable: return 74
        case .notWARC: return 65
        }
    }
}

/// One WARC record (ISO 28500): its named fields and its content block.
public struct WARCRecord: Sendable {
    /// Byte offset of the record in the file: for a gzip file, of the member it starts in
    /// (the offset CDX indexes give).
    public var offset: Int
    /// Named fields in order, names as written.
    public var fields: [(name: String, value: String)]
    public var block: [UInt8]

    public init(offset: Int, fields: [(name: String, value: String)], block: [UInt8]) {
        self.offset = offset
        self.fields = fields
        self.block = block
    }

    /// A field's value by name, ignoring case.
    public subscript(_ name: String) -> String? {
        let n = name.lowercased()
        return fields.first { $0.name.lowercased() == n }?.value
    }

    /// `WARC-Type`, lower-cased ("response", "request", "metadata", "revisit", "warcinfo" …).
    public var type: String { (self["WARC-Type"] ?? "").lowercased() }

    /// `WARC-Target-URI` without the angle brackets some writers put around it.
    public var targetURI: String? {
        guard var v = self["WARC-Target-URI"] else { return nil }
        if v.hasPrefix("<") && v.hasSuffix(">") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
        return v
    }
}

/// Reads the records of a WARC file one at a time, uncompressed or gzipped (detected from
/// the first bytes, whatever the name), keeping one record in memory: a file of any size
/// reads in memory the size of its largest record. Damage (a cut or corrupt gzip member,
/// a record shorter than its `Content-Length`, bytes that are no record) is reported as a
/// `.problem` with its file offset and reading goes on with the next record.
public final class WARCReader {
    public enum Event: Sendable {
        case record(WARCRecord)
        /// A record whose block is larger than `maxBlockBytes`, passed over unread.
        case oversized(offset: Int, type: String, bytes: Int)
        case problem(offset: Int, message: String)
    }

    /// Larger blocks are skipped, not held in memory.
    public var maxBlockBytes = 32 << 20
    /// A record's header longer than this is taken for damage.
    static let maxHeaderBytes = 1 << 20

    public let name: String
    private let stream: ByteStream
    private let fd: Int32
    private var ownsFD = false
    /// Decompressed bytes not yet consumed; `buf[0]` is at stream offset `base`.
    private var buf: [UInt8] = []
    private var base = 0
    private var pos = 0
    private var atEnd = false
    private var breaks: [(stream: Int, file: Int, message: String)] = []
    private var pendingProblems: [Event] = []
    public private(set) var isGzip: Bool

    /// Opens a file (never for writing); "-" reads standard input.
    public convenience init(path: String) throws(WARCError) {
        if path == "-" {
            if fcntl(STDIN_FILENO, F_GETFD) < 0 { throw .unreadable("standard input", "it is closed") }
            try self.init(fd: STDIN_FILENO, name: "standard input", ownsFD: false)
            return
        }
        var st = stat()
        if stat(path, &st) != 0 { throw Self.errnoError(path) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw Self.errnoError(path) }
        do { try self.init(fd: fd, name: path, ownsFD: true) } catch { close(fd); throw error }
    }

    init(fd: Int32, name: String, ownsFD: Bool) throws(WARCError) {
        self.fd = fd
        self.name = name
        let reader = FileReader(fd: fd, name: name)
        var head: [UInt8] = []
        while head.count < 8, try reader.read(into: &head, count: 8 - head.count) > 0 {}
        isGzip = head.starts(with: [0x1F, 0x8B])
        stream = isGzip ? GzipStream(reader: reader, prefix: head) : PlainStream(reader: reader, prefix: head)
        // A WARC file starts with a record (possibly after blank lines).
        _ = try fill(4096)
        let i = buf.firstIndex { $0 != 0x0D && $0 != 0x0A } ?? buf.count
        guard buf[i...].starts(with: "WARC/".utf8) else { throw .notWARC(name) }
        self.ownsFD = ownsFD
    }

    deinit { if ownsFD { close(fd) } }

    /// Whether a file looks like WARC: a `.warc` or `.warc.gz` name, or (for a regular file)
    /// content that opens with a WARC record, plain or gzipped.
    public static func hasWARCName(_ path: String) -> Bool {
        let l = path.lowercased()
        return l.hasSuffix(".warc") || l.hasSuffix(".warc.gz")
    }

    public static func sniff(path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8) }
        guard n >= 5 else { return false }
        if head.starts(with: Array("WARC/".utf8)) { return true }
        guard head[0] == 0x1F, head[1] == 0x8B else { return false }
        // A gzip file: look at the start of what it holds.
        var first = [UInt8](repeating: 0, count: 4096)
        lseek(fd, 0, SEEK_SET)
        let m = first.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
        guard m > 0 else { return false }
        let partial = Gzip.decompressPrefix(Array(first[0..<m]), count: 5)
        return partial.starts(with: Array("WARC/".utf8))
    }

    // MARK: Reading

    /// At least `n` bytes from `pos`, unless the input ends first. False when it ended short.
    private func fill(_ n: Int) throws(WARCError) -> Bool {
        while buf.count - pos < n {
            if atEnd { return false }
            if try !stream.more(&buf) { atEnd = true }
            breaks += stream.takeBreaks()
        }
        return true
    }

    private func fileOffset(_ streamOffset: Int) -> Int { stream.fileOffset(streamOffset) }

    /// Drops consumed bytes from the buffer.
    private func compact() {
        if pos > 0 && (pos >= buf.count || pos > (1 << 20)) {
            buf.removeFirst(pos)
            base += pos
            pos = 0
            stream.forget(before: base)
        }
    }

    /// The first break at or after stream offset `from` and before `to`.
    private func breakIn(_ from: Int, _ to: Int) -> (stream: Int, file: Int, message: String)? {
        breaks.first { $0.stream >= from && $0.stream < to }
    }

    private func dropBreaks(upTo s: Int) { breaks.removeAll { $0.stream <= s } }

    /// The next record or problem; nil at the end of the file.
    public func next() throws(WARCError) -> Event? {
        if !pendingProblems.isEmpty { return pendingProblems.removeFirst() }
        while true {
            compact()
            // Blank lines between records.
            while true {
                if pos >= buf.count, try !fill(1) { break }
                if buf[pos] == 0x0D || buf[pos] == 0x0A { pos += 1 } else { break }
            }
            let start = base + pos
            // Damage found between records (or before this one's first byte) is told as it is.
            if let b = breaks.first, b.stream <= start {
                breaks.removeFirst()
                return .problem(offset: b.file, message: b.message)
            }
            if pos >= buf.count { return nil }
            let offset = fileOffset(start)
            // The header: "WARC/1.x" CRLF, fields, CRLF CRLF.
            guard let headerEnd = try findHeaderEnd() else {
                let message: String
                if let b = breakIn(start, base + buf.count + 1) {
                    message = "record cut short in its header: " + b.message
                } else if buf.count - pos >= Self.maxHeaderBytes {
                    message = "no end to the record's header within \(Self.maxHeaderBytes >> 20) MB"
                } else {
                    message = "record cut short in its header (the file ends)"
                }
                try resync(after: start)
                return .problem(offset: offset, message: message)
            }
            if let b = breakIn(start + 1, base + headerEnd) {
                try skipTo(b.stream)
                return .problem(offset: offset, message: "record damaged: " + b.message)
            }
            guard buf[pos...].starts(with: "WARC/".utf8) else {
                try resync(after: start)
                return .problem(offset: offset, message: "no WARC record here (bytes that are not a record header; skipped to the next record)")
            }
            let fields = Self.parseFields(buf[pos..<headerEnd])
            let lengthText = fields.first { $0.name.lowercased() == "content-length" }?.value ?? ""
            guard let length = Int(lengthText.trimmingCharacters), length >= 0 else {
                try resync(after: start)
                return .problem(offset: offset, message: lengthText.isEmpty ? "record without a Content-Length" : "record with an invalid Content-Length \"\(lengthText)\"")
            }
            let type = (fields.first { $0.name.lowercased() == "warc-type" }?.value ?? "").lowercased()
            let blockStart = headerEnd + 4
            if length > maxBlockBytes {
                return try skipOversized(offset: offset, start: start, blockStart: blockStart, length: length, type: type)
            }
            let complete = try fill(blockStart - pos + length)
            if let b = breakIn(start + 1, base + blockStart + length) {
                try skipTo(b.stream)
                return .problem(offset: offset, message: "record damaged: " + b.message)
            }
            guard complete else {
                let have = buf.count - blockStart
                // A record further on means the Content-Length is wrong, not that the file was cut.
                pos = headerEnd
                try resync(after: base + headerEnd)
                if pos < buf.count {
                    return .problem(offset: offset, message: "record does not end where its Content-Length (\(length)) says; skipped to the next record")
                }
                return .problem(offset: offset, message: "record cut short: \(max(0, have)) of its \(length) bytes (the file ends)")
            }
            // After the block: CRLF CRLF as the standard says (or, from lenient writers,
            // any line ends before the next record or the end).
            var after = blockStart + length
            _ = try fill(after - pos + 4)
            if buf[after...].starts(with: [13, 10, 13, 10]) {
                after += 4
            } else {
                var blank = 0
                while after < buf.count, buf[after] == 13 || buf[after] == 10, blank < 8 { after += 1; blank += 1 }
                _ = try fill(after - pos + 5)
                if after < buf.count && !buf[after...].starts(with: "WARC/".utf8) {
                    // The Content-Length does not match the record: look for the next record after this header.
                    try resync(after: base + headerEnd)
                    return .problem(offset: offset, message: "record does not end where its Content-Length (\(length)) says; skipped to the next record")
                }
            }
            let block = Array(buf[blockStart..<(blockStart + length)])
            pos = after
            dropBreaks(upTo: base + pos - 1)
            return .record(WARCRecord(offset: offset, fields: fields, block: block))
        }
    }

    /// Index in `buf` of the CRLF CRLF ending the header that starts at `pos`, reading more as needed.
    private func findHeaderEnd() throws(WARCError) -> Int? {
        var i = pos
        while true {
            if i + 4 > buf.count {
                if buf.count - pos >= Self.maxHeaderBytes { return nil }
                if try !fill(i + 4 - pos + 4096) && i + 4 > buf.count { return nil }
                continue
            }
            let found: Int? = buf.withUnsafeBufferPointer { b in
                var k = i
                while k + 4 <= b.count {
                    let c0: UInt8 = b[k], c1: UInt8 = b[k + 1], c2: UInt8 = b[k + 2], c3: UInt8 = b[k + 3]
                    if c0 == 13 && c1 == 10 && c2 == 13 && c3 == 10 { return k }
                    k += 1
                }
                return nil
            }
            if let found { return found }
            i = max(pos, buf.count - 3)
        }
    }

    /// Moves to a break's stream offset (the data after damage).
    private func skipTo(_ stream: Int) throws(WARCError) {
        _ = try fill(stream - base - pos)
        pos = min(buf.count, max(pos, stream - base))
        dropBreaks(upTo: stream)
    }

    /// Moves to the next "WARC/1." at the start of a line after stream offset `after`, or
    /// to the next break, whichever comes first; to the end when there is none.
    private func resync(after: Int) throws(WARCError) {
        var at = after + 1   // stream offset: `compact` may move the buffer
        let magic = Array("WARC/1.".utf8)
        while true {
            if let b = breaks.first(where: { $0.stream > after }), b.stream <= at {
                try skipTo(b.stream)
                return
            }
            var i = at - base
            if i + magic.count > buf.count {
                if i - pos > (1 << 20) { pos = i - 1; compact(); i = at - base }
                if try !fill(i - pos + magic.count + 4096), i + magic.count > buf.count {
                    pos = buf.count
                    return
                }
                continue
            }
            let before: UInt8 = buf[i - 1]
            if before == 10 && buf[i..<(i + magic.count)].elementsEqual(magic) {
                pos = i
                return
            }
            at += 1
        }
    }

    private func skipOversized(offset: Int, start: Int, blockStart: Int, length: Int, type: String) throws(WARCError) -> Event {
        pos = blockStart
        var left = length
        while left > 0 {
            if pos >= buf.count {
                compact()
                if try !fill(1) {
                    return .problem(offset: offset, message: "record cut short: \(length - left) of its \(length) bytes (the file ends)")
                }
            }
            if let b = breakIn(start + 1, base + pos + left) {
                try skipTo(b.stream)
                return .problem(offset: offset, message: "record damaged: " + b.message)
            }
            let take = min(left, buf.count - pos)
            pos += take
            left -= take
        }
        return .oversized(offset: offset, type: type, bytes: length)
    }

    /// "Name: value" lines (continuation lines starting with a space or tab are folded in).
    static func parseFields(_ header: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        let lines = header.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst()
        for var line in lines {
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            if line.first == 0x20 || line.first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + String(decoding: line, as: UTF8.self).trimmingCharacters
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingCharacters
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters
            fields.append((name, value))
        }
        return fields
    }

    private static func errnoError(_ path: String) -> WARCError {
        let e = errno
        switch e {
        case ENOENT, ENOTDIR: return .notFound(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EISDIR: return .isDirectory(path)
        default: return .unreadable(path, String(cString: strerror(e)))
        }
    }
}

extension String {
    var trimmingCharacters: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeLast() }
        return String(s)
    }
}
