import Foundation
import Testing

/// Drives the real `voices` binary in a real terminal (tmux), as terminal.md describes.
/// Each session has its own tmux server (socket) and is killed when done.
final class TmuxSession {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/voices").path
    static let acceptanceDir = packageRoot.appendingPathComponent("../shared/acceptance").standardized.path

    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool { tmuxPath != nil && binaryIsFresh }

    /// The binary exists and no object file of its modules was compiled after it was linked
    /// (`swift test` recompiles the modules for the test bundle but does not relink
    /// `voices`, so a stale binary would test old code).
    static var binaryIsFresh: Bool {
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: binary),
              let built = (try? fm.attributesOfItem(atPath: binary))?[.modificationDate] as? Date else { return false }
        let debug = packageRoot.appendingPathComponent(".build/debug").path
        for module in ["Reader.build", "Core.build", "Extract.build"] {
            let dir = debug + "/" + module
            for file in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where file.hasSuffix(".o") {
                if let m = (try? fm.attributesOfItem(atPath: dir + "/" + file))?[.modificationDate] as? Date,
                   m.timeIntervalSince(built) > 1 { return false }
            }
        }
        return true
    }

    /// The first article of ../shared/acceptance, when present.
    static var firstAcceptanceArticle: String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: acceptanceDir)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted().first.map { acceptanceDir + "/" + $0 }
    }

    nonisolated(unsafe) private static var counter = 0
    let socket: String
    /// The XDG_STATE_HOME the session gets by default (removed with the session).
    let stateHome: String

    /// Starts `voices ARGS` at the given size. After voices exits, the pane prints
    /// "EXIT=<code>" and `stty -a`, then stays open.
    /// `pipeFrom`: a file piped into voices' standard input (`cat FILE | voices …`).
    init(args: [String], width: Int = 120, height: Int = 40, env: [String: String] = [:], pipeFrom: String? = nil) throws {
        Self.counter += 1
        socket = "voices-e2e-\(getpid())-\(Self.counter)"
        // Reading positions go to a folder of this session's own unless the test names one:
        // an end-to-end test never touches the user's state files.
        stateHome = FileManager.default.temporaryDirectory.appendingPathComponent(socket + "-state").path
        var vars = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "SWIFT_BACKTRACE": "interactive=no", "XDG_STATE_HOME": stateHome]
        for (k, v) in env { vars[k] = v }
        let envPart = vars.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // A trap (not an ignore) keeps sh alive through ^C without passing SIG_IGN to voices.
        // The test runner's own environment may carry NO_COLOR: only `env` decides here.
        let unset = vars["NO_COLOR"] == nil ? "-u NO_COLOR " : ""
        let pipe = pipeFrom.map { "cat \(Self.quote($0)) | " } ?? ""
        let command = "trap true INT; \(pipe)env \(unset)\(envPart) \(Self.quote(Self.binary)) \(args.map(Self.quote).joined(separator: " ")); "
            + "c=$?; echo; echo EXIT=$c; stty -a; sleep 600"
        try tmux(detached: true, ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
        _ = try? tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with `args`. `detached`: the command starts the server, which would inherit
    /// (and hold open) an output pipe, so its output goes to /dev/null.
    @discardableResult
    func tmux(detached: Bool = false, _ args: [String]) throws -> String {
        Self.run([Self.tmuxPath!, "-L", socket] + args, capture: !detached).output
    }

    /// posix_spawn and waitpid (Foundation's Process can miss a child's exit under the test runner).
    static func run(_ argv: [String], capture: Bool) -> (status: Int32, output: String) {
        var fds: [Int32] = [-1, -1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The test runner's threads block some signals and a child inherits that mask: a tmux
        // server with SIGCHLD blocked never reaps its panes and never exits. Start clean.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        if capture {
            // Close-on-exec, so that no other child spawned meanwhile holds the write end open.
            _ = pipe(&fds)
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ) == 0 else {
            if capture { close(fds[0]); close(fds[1]) }
            return (-1, "")
        }
        var data: [UInt8] = []
        if capture {
            close(fds[1])
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                data.append(contentsOf: buf[0..<n])
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status, String(decoding: data, as: UTF8.self))
    }

    func capture(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))) ?? ""
    }

    var lines: [String] { capture().components(separatedBy: "\n") }

    /// The status line (the last non-empty row while voices runs).
    var statusLine: String { lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "" }

    func send(_ keys: String...) { _ = try? tmux(["send-keys", "-t", "0"] + keys) }
    func type(_ text: String) { _ = try? tmux(["send-keys", "-t", "0", "-l", text]) }
    func resize(width: Int, height: Int) { _ = try? tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls the screen until `condition` holds (or 10 s pass). Returns the last screen.
    @discardableResult
    func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(10)
        var screen = capture()
        while Date() < deadline {
            screen = capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    @discardableResult
    func waitFor(text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitFor("“\(text)”", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The pid of voices (the child of the pane's shell).
    func voicesPID() -> Int32? {
        guard let shell = Int32((try? tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let out = Self.run(["/usr/bin/pgrep", "-P", "\(shell)", "-x", "voices"], capture: true).output
        return Int32(out.split(separator: "\n").first ?? "")
    }

    /// After voices has exited: its exit code and whether `stty -a` shows a sane terminal.
    func waitForExit(sourceLocation: SourceLocation = #_sourceLocation) -> (code: Int?, sane: Bool, screen: String) {
        let screen = waitFor("voices to exit", sourceLocation: sourceLocation) { $0.contains("EXIT=") && $0.contains("icanon") }
        let code = screen.range(of: "EXIT=").flatMap { Int(screen[$0.upperBound...].prefix { $0.isNumber }) }
        let words = Set(screen.split { $0 == " " || $0 == "\n" || $0 == ";" }.map(String.init))
        return (code, words.contains("icanon") && words.contains("echo") && !words.contains("-icanon") && !words.contains("-echo"), screen)
    }
}
