import Foundation
import Testing
@testable import Core
@testable import Reader

/// `ArticleLoader.readBytes` reads a regular file straight into an array of its size and
/// anything else (a pipe) in chunks; both give the file's bytes exactly, and binary input
/// is refused on its first bytes.
@Suite("Reading input files: sized to the file, exact, binary refused early")
struct LoaderReadTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "voices-loader-\(UInt32.random(in: 0...UInt32.max)).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `count` bytes of noise (a fixed sequence): binary, not text.
    static func noise(count: Int) -> [UInt8] {
        var x: UInt32 = 1
        return (0..<count).map { _ -> UInt8 in x = x &* 1_664_525 &+ 1_013_904_223; return UInt8(truncatingIfNeeded: x >> 24) }
    }

    /// Whether `error` refuses the input as binary.
    static func isBinaryRefusal(_ error: any Error) -> Bool {
        guard case .decoding(_, .binary) = error as? LoadError else { return false }
        return true
    }

    /// Text of `count` bytes with every byte position telling (so a lost or repeated chunk shows).
    static func text(count: Int) -> [UInt8] {
        let line = Array("“A line of the article,” said Ana Ruiz, “and more of it.” 0123456789\n".utf8)
        return (0..<count).map { line[$0 % line.count] }
    }

    @Test("a regular file comes back byte for byte, whatever its size", arguments: [1, 100, 16_387, 65_536, 1_048_577, 3_000_001])
    func regularFile(size: Int) throws {
        let bytes = Self.text(count: size)
        let path = try Self.temporaryFile(bytes)
        defer { unlink(path) }
        #expect(try ArticleLoader().readBytes(path) == bytes)
    }

    @Test("a pipe (a FIFO) is read to its end in chunks")
    func fifo() throws {
        let path = NSTemporaryDirectory() + "voices-fifo-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let bytes = Self.text(count: 300_001)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            bytes.withUnsafeBytes { raw in
                var off = 0
                while off < raw.count {
                    let n = write(fd, raw.baseAddress! + off, raw.count - off)
                    if n <= 0 { break }
                    off += n
                }
            }
            close(fd)
        }
        writer.start()
        #expect(try ArticleLoader().readBytes(path) == bytes)
    }

    @Test("a large binary file is refused as binary, a file over the limit as too large")
    func refusals() throws {
        let binary = try Self.temporaryFile(Self.noise(count: 200_000))
        defer { unlink(binary) }
        #expect { try ArticleLoader().readBytes(binary) } throws: { Self.isBinaryRefusal($0) }
        let big = try Self.temporaryFile(Self.text(count: 5000))
        defer { unlink(big) }
        var loader = ArticleLoader()
        loader.maxBytes = 4096
        #expect(throws: LoadError.tooLarge(big, 4096)) { try loader.readBytes(big) }
    }

    @Test("an article read from a file parses as the same text given directly, read or mapped",
          arguments: [40_000, ArticleLoader.mappedMinimum + 1_000])
    func parsesTheSame(size: Int) throws {
        let bytes = Self.text(count: size)
        let path = try Self.temporaryFile(bytes)
        defer { unlink(path) }
        let loaded = try ArticleLoader().load(path)
        let direct = ArticleParser.parse(String(decoding: bytes, as: UTF8.self))
        #expect(ArticleJSON.render(loaded) == ArticleJSON.render(direct))
    }

    @Test("a text file loaded through its mapping is refused as `readBytes` refuses it")
    func mappedRefusals() throws {
        // (Every file here is large enough to be mapped.)
        let size = ArticleLoader.mappedMinimum + 1_000
        let binary = try Self.temporaryFile(Self.noise(count: size))
        defer { unlink(binary) }
        #expect { try ArticleLoader().load(binary) } throws: { Self.isBinaryRefusal($0) }
        let blank = try Self.temporaryFile(Array(repeating: 0x20, count: size) + Array("\n\n \t\n".utf8))
        defer { unlink(blank) }
        #expect(throws: LoadError.decoding(blank, .empty)) { try ArticleLoader().load(blank) }
        let big = try Self.temporaryFile(Self.text(count: size + 5000))
        defer { unlink(big) }
        var loader = ArticleLoader()
        loader.maxBytes = size + 4096
        #expect(throws: LoadError.tooLarge(big, size + 4096)) { try loader.load(big) }
    }

    @Test("a mapped file cut short while it is read ends the run with a message and EX_IOERR, not a crash")
    func mappedFileCutShort() async {
        let result = await #expect(processExitsWith: .exitCode(74), observing: [\.standardErrorContent]) {
            // A file of three pages, mapped, then cut to nothing, as another program might
            // while Voices reads it: reading its last page faults.
            let path = NSTemporaryDirectory() + "voices-cut-\(getpid()).txt"
            let size = 3 * Int(sysconf(Int32(_SC_PAGESIZE)))
            FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: size))
            let fd = open(path, O_RDWR)
            let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)!
            ftruncate(fd, 0)
            unlink(path)
            let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
            let last = MappedReadGuard.reading { bytes[size - 1] }
            // (Not reached when the guard works.)
            print(last)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("cut short by another program"), "\(message)")
    }
}
