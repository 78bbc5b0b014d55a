#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Core

@main
struct VoicesCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "voices",
        abstract: "Read a news article and see who said what.",
        discussion: """
            With no file, opens a sample article. In a terminal, opens the interactive reader
            (press ? for help); otherwise prints each speaker and their statements.
            Use - to read standard input.
            """,
        version: version
    )

    @Argument(help: "Articles to read (text files; - for standard input).")
    var files: [String] = []

    @Flag(name: .long, help: "Print the parsed model as JSON (one document per article, JSON Lines for several).")
    var json = false

    @Flag(name: .long, help: "Print each speaker with role and statements as plain text.")
    var list = false

    @Flag(name: .long, help: "Like --list, with the rule, cue and confidence behind each attribution.")
    var explain = false

    @Flag(name: .long, help: "Let the mouse scroll and select (breaks the terminal's own text selection).")
    var mouse = false

    func validate() throws {
        if [json, list, explain].filter({ $0 }).count > 1 {
            throw ValidationError("--json, --list and --explain cannot be combined.")
        }
    }

    func run() throws {
        Output.ignoreBrokenPipeSignal()
        let loader = ArticleLoader()
        if json || list || explain {
            let inputs = files.isEmpty ? ["-"] : files
            var failed: Int32 = 0
            for path in inputs {
                do {
                    let article = try loader.load(path)
                    ArticleLoader.decodingWarnings(article, path: path).forEach(Output.error)
                    if json {
                        // Streamed in chunks: a 200 MB article's JSON is never in memory whole.
                        try ArticleJSON.write(article, to: { try Output.write(bytes: $0) })
                        try Output.write("\n")
                    } else {
                        try Output.write(ArticleListing.render(article, explain: explain))
                    }
                } catch let error as LoadError {
                    Output.error("voices: " + error.message)
                    failed = error.exitCode
                } catch {
                    if Output.isBrokenPipe(error) { throw ExitCode(0) }
                    Output.error("voices: cannot write output: \(error)")
                    throw ExitCode(74)
                }
            }
            if failed != 0 { throw ExitCode(failed) }
            return
        }
        // Interactive (or plain listing when stdout is not a terminal).
        var articles: [Article] = []
        if files.isEmpty {
            articles = [ArticleParser.parse(SampleArticle.text)]
        } else {
            for path in files {
                do {
                    articles.append(try loader.load(path))
                    ArticleLoader.decodingWarnings(articles.last!, path: path).forEach(Output.error)
                } catch {
                    Output.error("voices: " + error.message)
                    throw ExitCode(error.exitCode)
                }
            }
        }
        if isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            do {
                for a in articles { try Output.write(ArticleListing.render(a)) }
            } catch {
                if Output.isBrokenPipe(error) { throw ExitCode(0) }
                Output.error("voices: cannot write output: \(error)")
                throw ExitCode(74)
            }
            return
        }
        let code = InteractiveReader.run(articles: articles, mouse: mouse)
        if code != 0 { throw ExitCode(code) }
    }
}

/// Writing to stdout and stderr with errors reported (a closed stdout or a full disk is an error, not a crash).
enum Output {
    struct WriteError: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    static func write(_ s: String, fd: Int32 = STDOUT_FILENO) throws {
        var s = s
        try s.withUTF8 { try write(bytes: $0, fd: fd) }
    }

    static func write(bytes buf: UnsafeBufferPointer<UInt8>, fd: Int32 = STDOUT_FILENO) throws {
        var off = 0
        while off < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(errno: errno)
            }
            off += n
        }
    }

    /// A reader that stops reading (`voices --json a b | head -1`) is not an error: with
    /// SIGPIPE ignored the write fails with EPIPE and Voices exits quietly with status 0
    /// instead of dying from the signal.
    static func ignoreBrokenPipeSignal() { signal(SIGPIPE, SIG_IGN) }

    static func isBrokenPipe(_ error: Error) -> Bool { (error as? WriteError)?.errno == EPIPE }

    static func error(_ s: String) {
        try? write(s + "\n", fd: STDERR_FILENO)
    }
}
