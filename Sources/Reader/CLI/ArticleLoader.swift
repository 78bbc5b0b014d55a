#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core
import Corpus
import Extract

/// Why an article could not be opened. `message` is the user's words; `exitCode`
/// follows sysexits(3).
enum LoadError: Error, Equatable {
    case notFound(String)
    case isDirectory(String)
    case permissionDenied(String)
    case unreadable(String, String)
    case tooLarge(String, Int)
    case decoding(String, DecodingError)
    /// An HTML or Markdown file that gave no article (nothing to read, undecodable).
    case input(String, InputError)
    /// A folder with no article files in it.
    case noArticlesInFolder(String)

    var message: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .isDirectory(let p): return "\(p): is a folder, not an article"
        case .permissionDenied(let p): return "\(p): permission denied"
        case .unreadable(let p, let why): return "\(p): cannot be read (\(why))"
        case .tooLarge(let p, let limit): return "\(p): larger than the \(limit / (1 << 20)) MB limit"
        case .decoding(let p, let e): return "\(p): \(e.message)"
        case .input(let p, let e): return "\(p): \(e.message)"
        case .noArticlesInFolder(let p):
            let kinds = InputFormat.extensions.keys.sorted().map { "." + $0 }.joined(separator: ", ")
            return "\(p): no articles in this folder (files ending \(kinds))"
        }
    }

    var exitCode: Int32 {
        switch self {
        case .notFound, .isDirectory, .noArticlesInFolder: return 66   // EX_NOINPUT
        case .permissionDenied: return 77              // EX_NOPERM
        case .unreadable: return 74                    // EX_IOERR
        case .tooLarge, .decoding, .input: return 65   // EX_DATAERR
        }
    }
}

/// Reads files (never for writing) and turns them into articles.
struct ArticleLoader {
    /// Inputs larger than this are refused rather than exhausting memory.
    var maxBytes = 1 << 30
    /// `--format`: the format of every input, whatever its name or content says.
    var format: InputFormat?

    /// The raw bytes of a file, or of standard input for "-".
    func readBytes(_ path: String) throws(LoadError) -> [UInt8] {
        let fd: Int32
        if path == "-" {
            // `voices --json <&-`: say so rather than call it an empty file.
            if fcntl(STDIN_FILENO, F_GETFD) < 0 { throw .unreadable("standard input", "it is closed") }
            fd = STDIN_FILENO
        } else {
            var st = stat()
            if stat(path, &st) != 0 {
                // `/dev/stdin` with stdin closed: the link points nowhere, which is not "no such file".
                if errno == ENOENT, let fd = Self.standardDescriptor(path), fcntl(fd, F_GETFD) < 0 {
                    throw .unreadable(path, fd == 0 ? "standard input is closed" : "descriptor \(fd) is closed")
                }
                throw errnoError(path)
            }
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw errnoError(path) }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        let name = path == "-" ? "standard input" : path
        var bytes: [UInt8] = []
        var atEnd = false
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 {
            // A regular file is read straight into an array of its size: no zero-filled
            // buffer, no copy (a batch of 1,000 small files spent a fifth of its time
            // clearing a fresh 1 MB buffer for each).
            let size = Int(st.st_size)
            if size > maxBytes { throw .tooLarge(name, maxBytes) }
            var failure: Int32 = 0
            var binary: DecodingError?
            let decoder = TextDecoder()
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
                count = 0
                var sniffed = false
                while count < size {
                    // The first bytes alone first: a binary file is refused without reading it all.
                    let want = sniffed ? size - count : min(size, decoder.sniffLength) - count
                    let n = read(fd, buf.baseAddress! + count, want)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { atEnd = true; return }   // the file shrank meanwhile
                    count += n
                    if !sniffed, count >= min(size, decoder.sniffLength) {
                        sniffed = true
                        if count >= decoder.sniffLength {
                            binary = decoder.sniff(Array(UnsafeBufferPointer(rebasing: buf[0..<count]))[...])
                            if binary != nil { return }
                        }
                    }
                }
            }
            if failure != 0 { throw Self.errnoError(path, failure) }
            if let binary { throw .decoding(name, binary) }
        }
        if !atEnd {
            // A pipe, a file of unknown size, or a file that grew while it was read: chunks
            // through one uninitialised buffer until the end.
            try Self.readRest(fd, into: &bytes, maxBytes: maxBytes, name: name, path: path)
        }
        return bytes
    }

    /// Reads `fd` to its end, appending to `bytes`. Binary input (a pipe from /dev/urandom, an
    /// image) is refused after its first bytes, not after reading up to `maxBytes`; endless
    /// input is refused at the limit, the array growing by doubling only up to it.
    private static func readRest(_ fd: Int32, into bytes: inout [UInt8], maxBytes: Int, name: String, path: String) throws(LoadError) {
        let chunk = 1 << 16
        let decoder = TextDecoder()
        var sniffed = bytes.count >= decoder.sniffLength   // a regular file's first bytes were sniffed
        var failure: LoadError?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
            while true {
                let n = read(fd, buffer.baseAddress, chunk)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EBADF && fd == STDIN_FILENO { break }   // stdin closed: nothing to read
                    failure = Self.errnoError(path, errno)
                    return
                }
                if n == 0 { break }
                if bytes.count + n > maxBytes { failure = .tooLarge(name, maxBytes); return }
                if bytes.count + n > bytes.capacity {
                    bytes.reserveCapacity(min(max(bytes.capacity * 2, bytes.count + n), maxBytes))
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
                if !sniffed, bytes.count >= decoder.sniffLength {
                    sniffed = true
                    if let e = decoder.sniff(bytes[...]) { failure = .decoding(name, e); return }
                }
            }
        }
        if let failure { throw failure }
    }

    /// Reads an article of any kind: HTML and Markdown by extension (`InputFormat`), other
    /// files sniffed (a page saved without an extension is still HTML), text otherwise.
    func load(_ path: String) throws(LoadError) -> Article {
        if let article = try loadMapped(path) { return article }
        var bytes = try readBytes(path)
        return try parse(&bytes, path: path)
    }

    /// The smallest file read through a mapping. A small file's array costs a few pages; its
    /// mapping costs two system calls and, with a batch's threads running, the other cores'
    /// address caches flushed when it goes (1,000 articles at 2 jobs took a fifth more CPU
    /// mapped than read).
    static let mappedMinimum = 1 << 20

    /// `load` for a plain-text file, read through a read-only mapping of it: the decoder
    /// copies the text from the system's cache of the file straight into the article's
    /// string, where `readBytes` first copies it into an array of fresh pages (at 50 MB that
    /// read cost about as much as the decoder's copy, most of it in faulting the pages in).
    /// The mapping goes as soon as the text is decoded, like the array it replaces. Nil when
    /// the path is no regular file that maps (standard input, a pipe, a file smaller than
    /// `mappedMinimum` or too large, one that cannot be opened: `readBytes` reads it, or reports why not) or holds
    /// another format. (A file cut short by another program while it is mapped faults on the
    /// pages it lost: `MappedReadGuard` turns that into a message and EX_IOERR.)
    private func loadMapped(_ path: String) throws(LoadError) -> Article? {
        let named = format ?? InputFormat.byExtension(path)
        guard path != "-", named == nil || named == .text else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size >= Self.mappedMinimum, st.st_size <= maxBytes else { return nil }
        let size = Int(st.st_size)
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
        // (Nil: not plain text after all, for `readBytes` and the other formats. The mapping
        // goes before the parse: the text and the model never hold the file's pages.)
        let decoded: DecodedText?
        do {
            defer { munmap(map, size) }
            decoded = try MappedReadGuard.reading { () throws(DecodingError) -> DecodedText? in
                if named == nil, InputFormat.sniff(bytes) != .text { return nil }
                return try TextDecoder().decode(bytes)
            }
        } catch {
            throw .decoding(path, error)
        }
        return decoded.map { ArticleParser.parse($0) }
    }

    /// Like `load`, with the key of the file's bytes (`StateStore.articleKey`) under which
    /// the reader keeps its reading position.
    func loadKeyed(_ path: String) throws(LoadError) -> (article: Article, key: String) {
        var bytes = try readBytes(path)
        let key = StateStore.articleKey(bytes: bytes)
        return (try parse(&bytes, path: path), key)
    }

    private func parse(_ bytes: inout [UInt8], path: String) throws(LoadError) -> Article {
        let name = path == "-" ? "standard input" : path
        let format = self.format ?? InputFormat.detect(path: path == "-" ? nil : path, bytes: bytes)
        if format == .text {
            // Frees the bytes once decoded: the input and the model are never in memory together.
            do { return try ArticleParser.parse(consuming: &bytes) } catch { throw .decoding(name, error) }
        }
        do {
            return try ArticleInput.parse(bytes: bytes, format: format)
        } catch {
            if case .decoding(let e) = error, format == .text { throw .decoding(name, e) }
            throw .input(name, error)
        }
    }

    /// The article's warnings for stderr, naming the file: replaced invalid bytes (with
    /// the byte offset), unclosed quotations, stray marks. One line per kind: the first one
    /// and how many more, so a broken file does not flood the terminal.
    static func decodingWarnings(_ article: Article, path: String) -> [String] {
        let name = path == "-" ? "standard input" : path
        // Each kind's first diagnostic and count, in a short list searched from its start:
        // there are a handful of kinds, and a dictionary (hashing each code's raw string)
        // cost more than the search.
        var seen: [(first: Diagnostic, count: Int)] = []
        for d in article.diagnostics where d.severity == .warning {
            // Core lists the first few of a kind and then "N more like the above are not listed".
            var weight = 1
            if d.byteOffset == nil, d.message.hasSuffix("are not listed"), let n = Int(d.message.prefix { $0.isNumber }) { weight = n }
            if let k = seen.firstIndex(where: { $0.first.code == d.code }) { seen[k].count += weight } else { seen.append((d, weight)) }
        }
        return seen.map { d, n in
            "voices: \(name): warning: \(d.message)" + (n > 1 ? " (and \(n - 1) more like it)" : "")
        }
    }

    /// The text Core reads for a file (for HTML and Markdown, the extracted text), which
    /// `--json` offsets count into.
    func extractedText(_ path: String) throws(LoadError) -> String {
        let bytes = try readBytes(path)
        let format = self.format ?? InputFormat.detect(path: path == "-" ? nil : path, bytes: bytes)
        do {
            return try ArticleInput.text(bytes: bytes, format: format)
        } catch {
            throw .input(path == "-" ? "standard input" : path, error)
        }
    }

    /// The inputs with each folder replaced by the article files in it (not in its
    /// subfolders), sorted by name; hidden files are skipped.
    func expand(_ paths: [String]) throws(LoadError) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            guard path != "-", stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                out.append(path)
                continue
            }
            guard let dir = opendir(path) else { throw errnoError(path) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix("."), InputFormat.byExtension(name) != nil || WARCReader.hasWARCName(name) else { continue }
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                var fst = stat()
                if stat(full, &fst) == 0, (fst.st_mode & S_IFMT) == S_IFREG { names.append(name) }
            }
            closedir(dir)
            if names.isEmpty { throw .noArticlesInFolder(path) }
            names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out.append(contentsOf: names.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 })
        }
        return out
    }

    /// The descriptor a path like `/dev/stdin`, `/dev/fd/3` or `/proc/self/fd/0` names.
    static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    private func errnoError(_ path: String) -> LoadError { Self.errnoError(path, errno) }

    private static func errnoError(_ path: String, _ e: Int32) -> LoadError {
        switch e {
        case ENOENT, ENOTDIR: return .notFound(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EISDIR: return .isDirectory(path)
        default: return .unreadable(path, String(cString: strerror(e)))
        }
    }
}
