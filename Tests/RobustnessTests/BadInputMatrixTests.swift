import Foundation
import Testing
import TestSupport

/// Runs the built binary (`<package root>/.build/debug/voices`) on bad input of every kind.
/// Each case states the exit status and the message it must print; none may die from a signal.
@Suite("The voices binary on bad input", .serialized)
struct BadInputMatrixTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let binary = root + "/.build/debug/voices"

    struct Outcome {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs a bash script in `dir` with $V set to the binary; stdout and stderr go to files so
    /// the script can close or redirect them as it likes.
    static func run(_ script: String, in dir: String, timeout: Int = 120) throws -> Outcome {
        let out = dir + "/.stdout", err = dir + "/.stderr"
        let r = Spawn.bash("export V=\"$1\"; cd \"$2\" || exit 99\n" + script, args: [binary, dir],
                           stdout: out, stderr: err, environment: ["SWIFT_BACKTRACE": "interactive=no"], timeout: timeout)
        if r.timedOut { Issue.record("timed out after \(timeout)s: \(script)") }
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Outcome(status: r.status, signalled: r.signalled, stdout: read(out), stderr: read(err))
    }

    /// A temp folder with the fixtures every case uses.
    static func fixtures() throws -> String {
        var template = Array((NSTemporaryDirectory() + "voices-matrix-XXXXXX").utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        chmod(dir, 0o755)
        func file(_ name: String, _ bytes: [UInt8]) {
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)), "could not write the fixture \(name)")
        }
        let article = Array("Ferry Pier to Close\n\n“We looked at every option,” said Mayor Helen Okafor.\n".utf8)
        file("ok.txt", article)
        file("empty.txt", [])
        file("whitespace.txt", Array(" \t\n\r\n  \u{C}\n".utf8))
        var rng = SplitMix(seed: 42)
        file("binary.dat", (0..<65536).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        file("invalid.txt", Array("He said “yes” ".utf8) + [0xFF, 0xFE] + Array(" and “no” \u{E9}".utf8) + [0xC3])
        file("utf16le.txt", [0xFF, 0xFE] + "“Hi,” said Li.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        file("utf16be.txt", [0xFE, 0xFF] + "“Hi,” said Li.\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        file("secret.txt", article)
        chmod(dir + "/secret.txt", 0o000)
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        return dir
    }

    struct Case: Sendable {
        var name: String
        var script: String
        var status: Int32
        var stderr: [String]
        var stdout: @Sendable (String) -> Bool = { _ in true }
    }

    static let quoteHi: @Sendable (String) -> Bool = { $0.contains(#""text": "Hi,""#) && $0.contains(#""code": "utf16""#) }

    static let cases: [Case] = [
        Case(name: "a missing file", script: #"exec "$V" --json nope.txt"#, status: 66, stderr: ["voices: nope.txt: no such file"]),
        Case(name: "a folder with no articles", script: #"exec "$V" --json folder"#, status: 66,
             stderr: ["voices: folder: no articles in this folder (files ending "]),
        Case(name: "an empty file", script: #"exec "$V" --json empty.txt"#, status: 65,
             stderr: ["voices: empty.txt: the file is empty (no text to read)"]),
        Case(name: "a file of only whitespace", script: #"exec "$V" --json whitespace.txt"#, status: 65,
             stderr: ["voices: whitespace.txt: the file is empty (no text to read)"]),
        Case(name: "a binary file", script: #"exec "$V" --json binary.dat"#, status: 65,
             stderr: ["voices: binary.dat: this looks like a binary file, not text"]),
        Case(name: "invalid UTF-8 is replaced and its byte offset named", script: #"exec "$V" --json invalid.txt"#, status: 0,
             stderr: ["voices: invalid.txt: warning: 3 invalid UTF-8 byte sequences replaced by U+FFFD, the first at byte 18"],
             stdout: { $0.contains(#""code": "invalid-bytes""#) && $0.contains(#""byteOffset": 18"#) && $0.contains(#""text": "no""#) }),
        Case(name: "UTF-16LE with a BOM", script: #"exec "$V" --json utf16le.txt"#, status: 0, stderr: [], stdout: quoteHi),
        Case(name: "UTF-16BE with a BOM", script: #"exec "$V" --json utf16be.txt"#, status: 0, stderr: [], stdout: quoteHi),
        Case(name: "1 MB of /dev/urandom through a pipe", script: "head -c 1048576 /dev/urandom | \"$V\" --json\nexit ${PIPESTATUS[1]}",
             status: 65, stderr: ["voices: standard input: this looks like a binary file, not text"]),
        Case(name: "endless /dev/urandom is refused after its first bytes", script: #"exec "$V" --json < /dev/urandom"#,
             status: 65, stderr: ["voices: standard input: this looks like a binary file"]),
        Case(name: "endless /dev/zero is refused after its first bytes", script: #"exec "$V" --json - < /dev/zero"#,
             status: 65, stderr: ["voices: standard input: this looks like a binary file"]),
        Case(name: "stdin closed", script: #"exec "$V" --json <&-"#, status: 74,
             stderr: ["voices: standard input: cannot be read (it is closed)"]),
        Case(name: "/dev/stdin with stdin closed", script: #"exec "$V" --json /dev/stdin <&-"#, status: 74,
             stderr: ["voices: /dev/stdin: cannot be read (standard input is closed)"]),
        Case(name: "/dev/fd/7 not open", script: #"exec "$V" --list /dev/fd/7"#, status: 74,
             stderr: ["voices: /dev/fd/7: cannot be read (descriptor 7 is closed)"]),
        Case(name: "stdin from /dev/null", script: #"exec "$V" --json - < /dev/null"#, status: 65,
             stderr: ["voices: standard input: the file is empty"]),
        Case(name: "stdout closed", script: #"exec "$V" --json ok.txt >&-"#, status: 74,
             stderr: ["voices: cannot write output: Bad file descriptor"]),
        Case(name: "stdout closed, plain listing", script: #"exec "$V" ok.txt >&-"#, status: 74,
             stderr: ["voices: cannot write output: Bad file descriptor"]),
        Case(name: "output to a full disk", script: #"exec "$V" --json ok.txt > /dev/full"#, status: 74,
             stderr: ["voices: cannot write output: No space left on device"]),
        Case(name: "stderr closed still prints the JSON", script: #"exec "$V" --json ok.txt 2>&-"#, status: 0, stderr: [],
             stdout: { $0.contains(#""text": "We looked at every option,""#) }),
        Case(name: "a reader that stops early is no error", script: "\"$V\" --json ok.txt ok.txt ok.txt ok.txt | head -c 1 >/dev/null\nexit ${PIPESTATUS[0]}",
             status: 0, stderr: []),
        Case(name: "a file that fails while reading (/proc/self/mem)", script: #"exec "$V" --json /proc/self/mem"#, status: 74,
             stderr: ["voices: /proc/self/mem: cannot be read (Input/output error)"]),
        Case(name: "one bad file among good ones still prints the good ones", script: #"exec "$V" --json ok.txt nope.txt ok.txt"#,
             status: 66, stderr: ["voices: nope.txt: no such file"], stdout: { $0.split(separator: "\n").count == 2 }),
    ]

    @Test("each bad input gets its status and message, never a signal", arguments: cases.map(\.name))
    func matrix(_ name: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            Issue.record("no binary at \(Self.binary): run `swift build` first"); return
        }
        let c = Self.cases.first { $0.name == name }!
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try Self.run(c.script, in: dir)
        #expect(!o.signalled && o.status < 128, "died from a signal: status \(o.status), stderr \(o.stderr)")
        #expect(o.status == c.status, "stderr: \(o.stderr)")
        for line in c.stderr { #expect(o.stderr.contains(line), "stderr was: \(o.stderr.debugDescription)") }
        if c.stderr.isEmpty { #expect(o.stderr.isEmpty, "stderr was: \(o.stderr.debugDescription)") }
        #expect(c.stdout(o.stdout), "stdout was: \(o.stdout.prefix(600))")
        #expect(!o.stderr.contains("Fatal error") && !o.stderr.contains("Crash"), "\(o.stderr)")
    }

    /// "No permission" as root: root reads any file, so the binary is run as `nobody` with
    /// `setpriv` (util-linux) on a file of mode 000. As another user, the file alone does it.
    @Test("a file without read permission")
    func noPermission() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            Issue.record("no binary at \(Self.binary)"); return
        }
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var script = #"exec "$V" --json secret.txt"#
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("running as root and setpriv (util-linux) is missing: no file can be unreadable"); return
            }
            // A copy in the fixtures folder (mode 755), so `nobody` can run it wherever the package is.
            // Written with O_CLOEXEC: a process another test spawns at this moment must not inherit
            // the write descriptor (exec would fail with "Text file busy" while any process holds it).
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.binary))
            let fd = open(dir + "/voices-copy", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
            guard fd >= 0 else { Issue.record("cannot write \(dir)/voices-copy"); return }
            let written = bytes.withUnsafeBytes { raw -> Int in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n <= 0 { break }
                    done += n
                }
                return done
            }
            close(fd)
            guard written == bytes.count else { Issue.record("wrote \(written) of \(bytes.count) bytes of the copy"); return }
            // A child forked before the close may still hold it for a moment: try again then.
            var probe = try Self.run(#"exec setpriv --reuid=65534 --regid=65534 --clear-groups ./voices-copy --version"#, in: dir)
            for _ in 0..<20 where probe.status != 0 && probe.stderr.contains("Text file busy") {
                usleep(50_000)
                probe = try Self.run(#"exec setpriv --reuid=65534 --regid=65534 --clear-groups ./voices-copy --version"#, in: dir)
            }
            guard probe.status == 0 else {
                Issue.record("user nobody cannot run a copy of \(Self.binary) (\(probe.stderr))"); return
            }
            script = #"exec setpriv --reuid=65534 --regid=65534 --clear-groups ./voices-copy --json secret.txt"#
        }
        let o = try Self.run(script, in: dir)
        #expect(!o.signalled)
        #expect(o.status == 77, "stderr: \(o.stderr)")
        #expect(o.stderr == "voices: secret.txt: permission denied\n")
    }

    /// Growth, not speed: a 4 MB article costs about 8 times the CPU of a 0.5 MB one (a
    /// quadratic stage would make it 64), and its peak memory stays under a guard. The
    /// 200 MB case runs on the release build in `bench/stress` (minutes in a debug build).
    @Test("time and memory grow linearly with the article (0.5 MB and 4 MB)")
    func linearGrowth() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            Issue.record("/usr/bin/time is missing (apt-get install -y time): peak memory cannot be measured"); return
        }
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let block = Array("""
            “We looked at every option, and none of them adds up,” said Mayor Helen Okafor. Reyes called it “a show”.

            The council said repairs would cost more than the roads budget. “Nobody asked us,” she added.\n\n
            """.utf8)
        var measured: [(bytes: Int, cpu: Double, kb: Int)] = []
        for size in [1 << 19, 1 << 22] {
            var bytes: [UInt8] = []
            while bytes.count < size { bytes += block }
            #expect(FileManager.default.createFile(atPath: dir + "/big.txt", contents: Data(bytes)), "could not write big.txt")
            let o = try Self.run(#"/usr/bin/time -f "%U %S %M" -o usage.txt "$V" --json big.txt > out.json"#, in: dir, timeout: 300)
            #expect(!o.signalled && o.status == 0, "status \(o.status), stderr \(o.stderr.suffix(2000))")
            let fields = (FileManager.default.contents(atPath: dir + "/usage.txt").map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n").last?.split(separator: " ") ?? []
            guard fields.count == 3, let u = Double(fields[0]), let sys = Double(fields[1]), let kb = Int(fields[2]) else {
                Issue.record("cannot read /usr/bin/time's figures: \(fields)"); return
            }
            let json = (try? FileManager.default.attributesOfItem(atPath: dir + "/out.json")[.size] as? Int) ?? 0
            #expect(json > bytes.count, "the JSON should be longer than the text")
            measured.append((bytes.count, u + sys, kb))
        }
        let (small, large) = (measured[0], measured[1])
        let ratio = large.cpu / max(small.cpu, 0.01)
        print("growth: \(small.bytes) B in \(small.cpu) s CPU, \(large.bytes) B in \(large.cpu) s CPU (× \(ratio)); peak \(small.kb / 1024) MB, \(large.kb / 1024) MB")
        #expect(ratio < 20, "8 × the input took \(ratio) × the CPU: something grows faster than linearly")
        // A guard against blow-ups (a quadratic stage, the whole JSON in one string), not the
        // goal of 5 × input + 30 MB: bench/run measures that on the release build.
        let limit = 16 * large.bytes / 1024 + 100 * 1024
        #expect(large.kb <= limit, "peak memory \(large.kb / 1024) MB over the guard of \(limit / 1024) MB")
    }
}

/// A small deterministic generator (SplitMix64) for fixture bytes.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
