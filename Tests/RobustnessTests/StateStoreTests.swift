import Core
import Foundation
import Testing
@testable import Reader

/// A fresh temp folder per test, removed after.
final class TempFolder {
    let path: String
    init() {
        var template = Array((NSTemporaryDirectory() + "voices-state-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }
}

@Suite("State and config files")
struct StateStoreTests {
    static let environments: [(String, [String: String], String?, String?)] = [
        ("XDG variables win", ["XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/c", "HOME": "/h"], "/s/voices", "/c/voices"),
        ("HOME gives the XDG defaults", ["HOME": "/h"], "/h/.local/state/voices", "/h/.config/voices"),
        ("a relative XDG variable is ignored", ["XDG_STATE_HOME": "rel", "XDG_CONFIG_HOME": "", "HOME": "/h"],
         "/h/.local/state/voices", "/h/.config/voices"),
        ("no HOME and no XDG means no state", [:], nil, nil),
    ]

    @Test("folders follow the XDG base directory spec", arguments: environments.map(\.0))
    func folders(_ name: String) {
        let (_, env, state, config) = Self.environments.first { $0.0 == name }!
        let store = StateStore(environment: env)
        #expect(store.stateDirectory == state)
        #expect(store.configDirectory == config)
    }

    func store(_ t: TempFolder) -> StateStore {
        var s = StateStore(environment: ["XDG_STATE_HOME": t.path + "/state", "XDG_CONFIG_HOME": t.path + "/config"])
        s.now = { 1_700_000_000 }
        return s
    }

    @Test("a saved position reads back, other articles' positions are kept")
    func roundTrip() {
        let t = TempFolder()
        let s = store(t)
        #expect(s.loadPositions().positions.isEmpty)
        #expect(s.savePosition(1234, for: "abc-10").isEmpty)
        #expect(s.savePosition(99, for: "def-20").isEmpty)
        #expect(s.savePosition(1300, for: "abc-10").isEmpty)
        let (p, w) = s.loadPositions()
        #expect(w.isEmpty)
        #expect(p == ["abc-10": .init(offset: 1300, updated: 1_700_000_000), "def-20": .init(offset: 99, updated: 1_700_000_000)])
        #expect(t.read("state/voices/positions") == "# voices positions v1\nabc-10\t1300\t1700000000\ndef-20\t99\t1700000000\n")
        // No temp files left behind (the lock file stays, empty).
        #expect(t.list("state/voices") == ["positions", "positions.lock"])
    }

    static let corruptFiles: [(String, [UInt8])] = [
        ("binary garbage", [0x00, 0xFF, 0x13, 0x37]),
        ("a missing header", Array("abc-1\t5\t6\n".utf8)),
        ("a line with two fields", Array("# voices positions v1\nabc-1\t5\n".utf8)),
        ("a negative offset", Array("# voices positions v1\nabc-1\t-5\t6\n".utf8)),
        ("invalid UTF-8", Array("# voices positions v1\n".utf8) + [0xC3, 0x28]),
        ("a truncated write of another program", Array("# voices positions v1\nabc-1\t5".utf8)),
    ]

    @Test("a corrupt positions file is reported, set aside, and not fatal", arguments: corruptFiles.map(\.0))
    func corrupt(_ name: String) throws {
        let t = TempFolder()
        let bytes = Self.corruptFiles.first { $0.0 == name }!.1
        try t.write("state/voices/positions", bytes)
        let s = store(t)
        let (p, w) = s.loadPositions()
        #expect(p.isEmpty)
        #expect(w.count == 1)
        #expect(w.first?.contains("set aside as \(t.path)/state/voices/positions.corrupt-") == true, "\(w)")
        let files = t.list("state/voices")
        #expect(files.count == 1 && files[0].hasPrefix("positions.corrupt-"), "\(files)")
        // The set-aside file keeps the old bytes for the user to look at.
        #expect(FileManager.default.contents(atPath: t.path + "/state/voices/" + files[0]).map { [UInt8]($0) } == bytes)
        // Saving afterwards starts a fresh file.
        #expect(s.savePosition(7, for: "k-1").isEmpty)
        #expect(s.loadPositions().positions["k-1"]?.offset == 7)
    }

    /// A positions file Voices cannot read is never replaced by one holding only the current
    /// article: it stays as it is, and the warning says so.
    @Test("an unreadable positions file is left as it is", arguments: ["a symbolic link", "a folder", "a FIFO"])
    func unreadableLeft(_ kind: String) throws {
        let t = TempFolder()
        try t.write("elsewhere/real", Array("# voices positions v1\nold-1\t5\t6\n".utf8))
        try FileManager.default.createDirectory(atPath: t.path + "/state/voices", withIntermediateDirectories: true)
        let path = t.path + "/state/voices/positions"
        switch kind {
        case "a symbolic link": #expect(symlink(t.path + "/elsewhere/real", path) == 0)
        case "a folder": #expect(mkdir(path, 0o700) == 0)
        default: #expect(mkfifo(path, 0o600) == 0)
        }
        let s = store(t)
        let (p, w) = s.loadPositions()
        #expect(p.isEmpty)
        #expect(w.count == 1 && w[0].contains("cannot read reading positions \(path)") && w[0].contains("left as it is"), "\(w)")
        let saved = s.savePosition(7, for: "new-1")
        #expect(saved == w, "\(saved)")
        var st = stat()
        #expect(lstat(path, &st) == 0)
        let type = st.st_mode & S_IFMT
        #expect(type == (kind == "a symbolic link" ? S_IFLNK : kind == "a folder" ? S_IFDIR : S_IFIFO), "the file was replaced")
        #expect(t.read("elsewhere/real") == "# voices positions v1\nold-1\t5\t6\n")
        if kind == "a symbolic link" { #expect(w[0].contains("it is a symbolic link")) }
    }

    @Test("a positions file without read permission is left as it is",
          .enabled(if: geteuid() != 0, "root reads a file of mode 000 (the symbolic-link case covers the same path)"))
    func noPermissionLeft() throws {
        let t = TempFolder()
        try t.write("state/voices/positions", Array("# voices positions v1\nold-1\t5\t6\n".utf8))
        chmod(t.path + "/state/voices/positions", 0)
        let w = store(t).savePosition(7, for: "new-1")
        #expect(w.count == 1 && w[0].contains("left as it is"), "\(w)")
        chmod(t.path + "/state/voices/positions", 0o600)
        #expect(t.read("state/voices/positions") == "# voices positions v1\nold-1\t5\t6\n")
    }

    /// Eight writers at once (each its own open of the lock file, as eight processes would
    /// have), each saving its own articles many times: every position is kept.
    @Test("eight concurrent writers keep all their positions")
    func concurrentWriters() {
        let t = TempFolder()
        let s = store(t)
        let rounds = 15
        let finished = DispatchSemaphore(value: 0)
        let base = t.path
        for w in 0..<8 {
            Thread {
                let mine = StateStore(environment: ["XDG_STATE_HOME": base + "/state", "XDG_CONFIG_HOME": base + "/config"])
                for r in 0..<rounds { _ = mine.savePositions(["w\(w)-\(r)": w * 1000 + r]) }
                finished.signal()
            }.start()
        }
        for _ in 0..<8 { finished.wait() }
        let (p, w) = s.loadPositions()
        #expect(w.isEmpty)
        #expect(p.count == 8 * rounds, "kept \(p.count) of \(8 * rounds)")
        for wr in 0..<8 { for r in 0..<rounds { #expect(p["w\(wr)-\(r)"]?.offset == wr * 1000 + r) } }
        #expect(t.list("state/voices") == ["positions", "positions.lock"])
    }

    @Test("a save waits for the lock, and gives up with a warning when it is held too long")
    func lockHeld() {
        let t = TempFolder()
        let s = store(t)
        #expect(s.savePosition(1, for: "a-1").isEmpty)
        // O_CLOEXEC: a process another test spawns meanwhile must not inherit (and hold) the lock.
        let fd = open(t.path + "/state/voices/positions.lock", O_RDWR | O_CLOEXEC)
        #expect(flock(fd, LOCK_EX) == 0)
        let w = s.savePosition(2, for: "b-1")
        #expect(w.count == 1 && w[0].contains("locked by another Voices"), "\(w)")
        close(fd)
        #expect(s.savePosition(2, for: "b-1").isEmpty)
        #expect(s.loadPositions().positions.count == 2)
    }

    @Test("the reader says \"cannot read reading positions\" once, not on restore and again on save")
    func warningOnce() throws {
        let t = TempFolder()
        try FileManager.default.createDirectory(atPath: t.path + "/state/voices/positions", withIntermediateDirectories: true)
        let article = ArticleParser.parse("Title\n\n“We said it,” said Ana Ruiz. More text follows here.\n")
        var state = ReaderState(articles: [article], width: 80, height: 24, names: ["a.txt"])
        var positions = ReadingPositions(store: store(t), keys: ["k-1"])
        var warnings = positions.restore(into: &state)
        state.documents[0].anchor = 10
        warnings += positions.save(state)
        state.documents[0].anchor = 20
        warnings += positions.save(state)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("cannot read reading positions") == true)
    }

    @Test("an unwritable state folder gives a warning, not a crash")
    func unwritable() throws {
        let t = TempFolder()
        try t.write("state", Array("a file where the folder should be".utf8))
        let w = store(t).savePosition(1, for: "k-1")
        #expect(w.count == 1)
        #expect(w.first?.contains("cannot save the reading position") == true)
    }

    @Test("keys that could break the file format are refused")
    func badKeys() {
        let t = TempFolder()
        let s = store(t)
        for key in ["", "a\tb", "a\nb", "a b", String(repeating: "k", count: 300)] {
            #expect(!s.savePosition(1, for: key).isEmpty, "key \(key.debugDescription)")
        }
        #expect(t.list("state/voices").isEmpty)
    }

    @Test("only the newest positions are kept past the limit")
    func limit() {
        let t = TempFolder()
        var s = store(t)
        var clock = 0
        s.now = { clock += 1; return clock }
        for k in 0..<(StateStore.maxPositions + 5) { s.savePosition(k, for: "k-\(k)") }
        let p = s.loadPositions().positions
        #expect(p.count == StateStore.maxPositions)
        #expect(p["k-0"] == nil)
        #expect(p["k-\(StateStore.maxPositions + 4)"] != nil)
    }

    @Test("config round-trips; a bad line is reported with its number and skipped")
    func config() throws {
        let t = TempFolder()
        let s = store(t)
        #expect(s.saveConfig(["theme": "dark", "mouse": "on"]).isEmpty)
        #expect(s.loadConfig().values == ["theme": "dark", "mouse": "on"])
        try t.write("config/voices/config", Array("# mine\ntheme = light\nthis line is wrong\n  wrap=72  \n".utf8))
        let (v, w) = s.loadConfig()
        #expect(v == ["theme": "light", "wrap": "72"])
        #expect(w == ["voices: \(t.path)/config/voices/config line 3 is not key = value; skipped"])
        #expect(!s.saveConfig(["a\nb": "x"]).isEmpty)
    }

    @Test("a config that is not text is set aside")
    func binaryConfig() throws {
        let t = TempFolder()
        try t.write("config/voices/config", [0, 1, 2, 0xFF])
        let (v, w) = store(t).loadConfig()
        #expect(v.isEmpty)
        #expect(w.first?.contains("set aside") == true)
        #expect(t.list("config/voices").first?.hasPrefix("config.corrupt-") == true)
    }

    @Test("article keys depend on content and length only")
    func keys() {
        #expect(StateStore.articleKey(bytes: Array("abc".utf8)) == StateStore.articleKey(bytes: Array("abc".utf8)))
        #expect(StateStore.articleKey(bytes: Array("abc".utf8)) != StateStore.articleKey(bytes: Array("abd".utf8)))
        #expect(StateStore.articleKey(bytes: []).hasSuffix("-0"))
        #expect(StateStore.isValidKey(StateStore.articleKey(bytes: Array("x".utf8))))
    }
}
