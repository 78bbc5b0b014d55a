import Glibc

/// Shared by the test targets. Runs a bash script with posix_spawn and waitpid (not Foundation's Process, whose exit
/// monitoring can miss a child when many tests spawn at once and then wait forever).
public enum Spawn {
    public struct Outcome {
        public var status: Int32        // exit status, or 128 + signal
        public var signalled: Bool
        public var timedOut: Bool
    }

    /// `bash -c script args…` with stdin from `stdin` (default /dev/null) and stdout/stderr
    /// into files.
    public static func bash(_ script: String, args: [String] = [], stdin: String = "/dev/null", stdout: String, stderr: String,
                            environment: [String: String] = [:], timeout: Int = 120) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // Its own process group, so a timeout can stop everything it started.
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attr, 0)
        var all = sigset_t(); sigfillset(&all)
        var none = sigset_t(); sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)

        var env: [String: String] = [:]
        var e = environ
        while let p = e.pointee {
            let kv = String(cString: p)
            if let eq = kv.firstIndex(of: "=") { env[String(kv[..<eq])] = String(kv[kv.index(after: eq)...]) }
            e += 1
        }
        env.merge(environment) { $1 }
        let argv = ["/bin/bash", "-c", script, "bash"] + args
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, &attr, cArgs, cEnv) == 0 else {
            return Outcome(status: 127, signalled: false, timedOut: false)
        }
        var status: Int32 = 0
        var waited: Int32 = 0
        var timedOut = false
        for _ in 0..<(timeout * 100) {
            waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            usleep(10_000)
        }
        if waited != pid {
            timedOut = true
            kill(-pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        let signalled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        let code = signalled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF
        return Outcome(status: code, signalled: signalled, timedOut: timedOut)
    }
}
