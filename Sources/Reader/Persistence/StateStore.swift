#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading positions and config on disk: `$XDG_STATE_HOME/voices/positions` and
/// `$XDG_CONFIG_HOME/voices/config` (defaults `~/.local/state`, `~/.config`).
///
/// - Every write is atomic: a temp file in the same folder, written in full, `fsync`ed,
///   then renamed over the old file (and the folder `fsync`ed), so a crash or a full disk
///   leaves the old file or the new one, never half of one.
/// - Nothing here is ever fatal: each call returns warnings (the user's words) to show,
///   and Voices carries on without the state.
/// - A state file that cannot be parsed is set aside as `positions.corrupt-<UTC time>` and
///   reported; one that cannot be read (no permission, a symbolic link, not a regular file)
///   is reported and left as it is, and no position is saved over it; a config file is set aside only when it is not text (NUL bytes, invalid
///   UTF-8), since a person edits it: a bad line is reported with its number and skipped.
/// - Saving reads, merges and replaces the positions under `flock` on `positions.lock`, so
///   several readers quitting at once keep all their positions.
/// - It writes only the two files above (their temp files, and the empty lock file); articles are never
///   opened for writing anywhere in Voices.
///
/// File formats (plain text, one entry a line):
/// ```
/// # voices positions v1
/// <article key>\t<byte offset>\t<unix time>
/// ```
/// ```
/// # voices config (key = value; lines starting with # are comments)
/// theme = dark
/// ```
struct StateStore {
    /// Where a reading position is kept: a text anchor as a UTF-8 byte offset into the
    /// article's text, and when it was saved (older entries are dropped past `maxPositions`).
    struct Position: Equatable, Sendable {
        var offset: Int
        var updated: Int
    }

    static let positionsHeader = "# voices positions v1"
    static let maxPositions = 500
    static let maxFileBytes = 4 << 20

    /// `$XDG_STATE_HOME/voices`, or nil when neither it nor `$HOME` is usable.
    let stateDirectory: String?
    /// `$XDG_CONFIG_HOME/voices`, or nil when neither it nor `$HOME` is usable.
    let configDirectory: String?
    /// Seconds since 1970, injectable for tests.
    var now: () -> Int = { Int(time(nil)) }

    var positionsPath: String? { stateDirectory.map { $0 + "/positions" } }
    var configPath: String? { configDirectory.map { $0 + "/config" } }

    /// Paths from an environment (the process's by default). Per the XDG spec a relative
    /// `XDG_*_HOME` is ignored.
    init(environment: [String: String] = StateStore.processEnvironment()) {
        func base(_ xdg: String, _ fallback: String) -> String? {
            if let v = environment[xdg], v.hasPrefix("/") { return v }
            if let home = environment["HOME"], home.hasPrefix("/") { return home + "/" + fallback }
            return nil
        }
        stateDirectory = base("XDG_STATE_HOME", ".local/state").map { $0 + "/voices" }
        configDirectory = base("XDG_CONFIG_HOME", ".config").map { $0 + "/voices" }
    }

    init(stateDirectory: String?, configDirectory: String?) {
        self.stateDirectory = stateDirectory
        self.configDirectory = configDirectory
    }

    static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        for key in ["XDG_STATE_HOME", "XDG_CONFIG_HOME", "HOME"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        return env
    }

    /// A key for an article that survives renames: FNV-1a 64 of its bytes plus its length.
    static func articleKey(bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(bytes.count)
    }

    // MARK: Reading positions

    /// Every saved position. A corrupt file is set aside (and reported) and the result is
    /// empty; one that cannot be read (permissions, a symbolic link, not a regular file) is
    /// reported and left as it is.
    func loadPositions() -> (positions: [String: Position], warnings: [String]) {
        let r = readPositions()
        return (r.positions, r.warnings)
    }

    /// The positions, the warnings, and whether the file may be replaced: not when it exists
    /// but cannot be read, since that would lose every position in it.
    private func readPositions() -> (positions: [String: Position], warnings: [String], mayReplace: Bool) {
        guard let path = positionsPath else { return ([:], [], false) }
        switch Self.readFile(path) {
        case .missing: return ([:], [], true)
        case .failed(let why): return ([:], [Self.unreadableWarning(path, why)], false)
        case .bytes(let bytes):
            switch Self.parsePositions(bytes) {
            case .success(let p): return (p, [], true)
            case .failure(let why):
                return ([:], [setAside(path, because: why, what: "reading positions")], true)
            }
        }
    }

    /// The same words whenever the file is met (the reader shows each warning once).
    static func unreadableWarning(_ path: String, _ why: String) -> String {
        "voices: cannot read reading positions \(path) (\(why)); left as it is, and positions are neither restored nor saved"
    }

    /// How long a save waits for another Voices that is saving at the same moment.
    static let lockWait = 3.0

    /// The saved position of one article, if any.
    func position(for key: String) -> (position: Position?, warnings: [String]) {
        let (all, warnings) = loadPositions()
        return (all[key], warnings)
    }

    /// Saves one article's position (re-reading the file first, so other articles' positions
    /// written meanwhile by another Voices are kept). Returns warnings; never throws.
    @discardableResult
    func savePosition(_ offset: Int, for key: String) -> [String] {
        savePositions([key: offset])
    }

    /// Saves several articles' positions in one atomic write (the reader on quit).
    @discardableResult
    func savePositions(_ offsets: [String: Int]) -> [String] {
        guard let path = positionsPath, let dir = stateDirectory else {
            return ["voices: no place for reading positions (set HOME or XDG_STATE_HOME)"]
        }
        for (key, offset) in offsets where !Self.isValidKey(key) || offset < 0 {
            return ["voices: not saving a position for key \(key.debugDescription)"]
        }
        guard !offsets.isEmpty else { return [] }
        if let why = Self.makeDirectories(dir) { return ["voices: cannot save the reading position to \(path) (\(why))"] }
        // Read, merge and replace under an exclusive lock on a separate file (the positions
        // file itself is replaced by rename, so it cannot carry the lock): readers quitting
        // at the same moment each add their own positions to what the others wrote.
        let lock = Self.aboveStandardStreams(open(dir + "/positions.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600))
        defer { if lock >= 0 { close(lock) } }
        if lock >= 0, !Self.lockExclusively(lock, seconds: Self.lockWait) {
            return ["voices: the reading positions in \(path) are locked by another Voices; this position was not saved"]
        }
        let read = readPositions()
        guard read.mayReplace else { return read.warnings }
        var all = read.positions, warnings = read.warnings
        let t = now()
        for (key, offset) in offsets { all[key] = Position(offset: offset, updated: t) }
        if all.count > Self.maxPositions {
            let keep = all.sorted { $0.value.updated != $1.value.updated ? $0.value.updated > $1.value.updated : $0.key < $1.key }
                .prefix(Self.maxPositions)
            all = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
        var text = Self.positionsHeader + "\n"
        for (k, p) in all.sorted(by: { $0.key < $1.key }) { text += "\(k)\t\(p.offset)\t\(p.updated)\n" }
        if let why = Self.writeAtomically(text, to: path, directory: dir, mode: 0o600) {
            warnings.append("voices: cannot save the reading position to \(path) (\(why))")
        }
        return warnings
    }

    /// `flock(LOCK_EX)`, retried without blocking for up to `seconds` (a stuck holder never
    /// hangs the reader's exit).
    static func lockExclusively(_ fd: Int32, seconds: Double) -> Bool {
        let tries = max(1, Int(seconds * 100))
        for _ in 0..<tries {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno != EWOULDBLOCK && errno != EINTR { return true }   // no locking here (some network file systems): go on
            usleep(10_000)
        }
        return false
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 200 && key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    enum ParseResult<T> { case success(T), failure(String) }

    static func parsePositions(_ bytes: [UInt8]) -> ParseResult<[String: Position]> {
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            return .failure("not text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(positionsHeader) else { return .failure("line 1 is not \"\(positionsHeader)\"") }
        var out: [String: Position] = [:]
        for (n, line) in lines.enumerated().dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3, isValidKey(String(f[0])), let o = Int(f[1]), o >= 0, let t = Int(f[2]) else {
                return .failure("line \(n + 1) is not <key> TAB <offset> TAB <time>")
            }
            out[String(f[0])] = Position(offset: o, updated: t)
        }
        return .success(out)
    }

    // MARK: Config

    /// `key = value` pairs of the config file, with a warning per unreadable line.
    func loadConfig() -> (values: [String: String], warnings: [String]) {
        guard let path = configPath else { return ([:], []) }
        switch Self.readFile(path) {
        case .missing: return ([:], [])
        case .failed(let why): return ([:], ["voices: cannot read config \(path) (\(why)); using defaults"])
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                return ([:], [setAside(path, because: "not text", what: "config")])
            }
            var values: [String: String] = [:]
            var warnings: [String] = []
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingSpaces
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let eq = line.firstIndex(of: "="), !line[..<eq].trimmingSpaces.isEmpty else {
                    warnings.append("voices: \(path) line \(n + 1) is not key = value; skipped")
                    continue
                }
                values[String(line[..<eq].trimmingSpaces)] = String(line[line.index(after: eq)...].trimmingSpaces)
            }
            return (values, warnings)
        }
    }

    /// Writes the whole config atomically (keys sorted, a header comment first).
    @discardableResult
    func saveConfig(_ values: [String: String]) -> [String] {
        guard let path = configPath, let dir = configDirectory else {
            return ["voices: no place for the config (set HOME or XDG_CONFIG_HOME)"]
        }
        var text = "# voices config (key = value; lines starting with # are comments)\n"
        for (k, v) in values.sorted(by: { $0.key < $1.key }) {
            guard !k.contains("="), !k.contains("\n"), !v.contains("\n"), !k.trimmingSpaces.isEmpty else {
                return ["voices: not saving config key \(k.debugDescription): keys and values are single lines, keys without ="]
            }
            text += "\(k) = \(v)\n"
        }
        if let why = Self.writeAtomically(text, to: path, directory: dir, mode: 0o644) {
            return ["voices: cannot save the config to \(path) (\(why))"]
        }
        return []
    }

    // MARK: Files

    enum ReadResult { case missing, failed(String), bytes([UInt8]) }

    static func readFile(_ path: String) -> ReadResult {
        let fd = aboveStandardStreams(open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK))
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            return .failed(errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .failed("not a regular file") }
        if Int(st.st_size) > maxFileBytes { return .bytes([UInt8](repeating: 0, count: 1)) }   // absurd: treated as corrupt
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failed(String(cString: strerror(errno))) }
            if n == 0 { break }
            out += buf[0..<n]
            if out.count > maxFileBytes { return .bytes([0]) }
        }
        return .bytes(out)
    }

    /// With stdin, stdout or stderr closed (`voices >&-`), `open` hands out 0, 1 or 2, and a
    /// later print would land in the state file. Such a descriptor is moved to 3 or above.
    static func aboveStandardStreams(_ fd: Int32) -> Int32 {
        guard fd >= 0, fd <= 2 else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        let saved = errno
        close(fd)
        errno = saved
        return moved
    }

    /// Renames a corrupt file to `<path>.corrupt-<UTC time>` and says so.
    func setAside(_ path: String, because why: String, what: String) -> String {
        var t = time(nil)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        var buf = [CChar](repeating: 0, count: 32)
        _ = strftime(&buf, buf.count, "%Y%m%dT%H%M%SZ", &tmv)
        let stamp = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var target = path + ".corrupt-" + stamp
        var k = 2
        while access(target, F_OK) == 0 { target = path + ".corrupt-" + stamp + "-\(k)"; k += 1 }
        if rename(path, target) == 0 {
            return "voices: the \(what) file \(path) was unreadable (\(why)); set aside as \(target), starting fresh"
        }
        return "voices: the \(what) file \(path) was unreadable (\(why)) and could not be set aside (\(String(cString: strerror(errno)))); ignoring it"
    }

    /// Creates `directory` (and parents, mode 0700) when missing.
    static func makeDirectories(_ directory: String) -> String? {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return "\(path): \(String(cString: strerror(errno)))" }
        }
        var st = stat()
        guard stat(directory, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return "\(directory) is not a folder" }
        return nil
    }

    /// temp file in the same folder → write all → fsync → rename → fsync the folder.
    /// Returns why it failed, or nil.
    static func writeAtomically(_ text: String, to path: String, directory: String, mode: mode_t) -> String? {
        if let why = makeDirectories(directory) { return why }
        let temp = "\(directory)/.\(path.split(separator: "/").last ?? "state").tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = aboveStandardStreams(open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode))
        if fd < 0 { unlink(temp); return String(cString: strerror(errno)) }
        var failure: String?
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                off += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure { unlink(temp); return failure }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
        return nil
    }
}

private extension StringProtocol {
    var trimmingSpaces: Substring {
        let s = self[...]
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let a = s.firstIndex(where: { !isSpace($0) }), let b = s.lastIndex(where: { !isSpace($0) }) else { return Substring() }
        return Substring(s[a...b])
    }
}
