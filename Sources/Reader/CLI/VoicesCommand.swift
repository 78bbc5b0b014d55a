#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Core
import Extract
import Synchronization

@main
struct VoicesCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "voices",
        abstract: "Read a news article and see who said what.",
        discussion: """
            With no file, opens a sample article. In a terminal, opens the interactive reader \
            (press ? for help); otherwise prints each speaker and their statements. \
            Use - to read standard input. Articles may be plain text, web pages (.html, or any \
            file starting with <html or <!doctype) or Markdown (.md); a folder stands for the \
            articles in it, sorted by name.

            In the reader: j k Space b g G move (12g: paragraph 12), ] [ walk the quotations, \
            } { the speakers, / searches (regular expressions, case and accents ignored), w says \
            why a quotation is its speaker's, y copies it with its attribution, o opens the \
            source page, v c review by kind and by confidence, ? lists every key. \
            Shell completions: voices --generate-completion-script bash|zsh|fish; \
            scripts/install.sh installs them with this manual.
            """,
        version: version
    )

    @Argument(help: "Articles to read (text, HTML or Markdown files, or folders of them; - for standard input).")
    var files: [String] = []

    @Flag(name: .long, help: "Print the parsed model as JSON (one document per article, JSON Lines for several).")
    var json = false

    @Flag(name: .long, help: "Print each speaker with role and statements as plain text.")
    var list = false

    @Flag(name: .long, help: "Like --list, with the rule, cue and confidence behind each attribution.")
    var explain = false

    @Flag(name: .long, help: "Let the mouse scroll and select (breaks the terminal's own text selection).")
    var mouse = false

    @Flag(name: .long, help: "Print a speaker index across the articles: each speaker merged by name, statements grouped by article.")
    var index = false

    @Flag(name: .customLong("text"), help: "Print the text Voices reads from each article (for web pages and Markdown, the extracted text that --json offsets count into).")
    var extractedText = false

    @Option(name: .long, help: "Parse this many articles at once with --json, --list, --explain or --index (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Read the inputs as this format: warc, html, markdown or text (default: by name, else by content; - needs it for WARC).")
    var format: InputChoice?

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read input paths from this file, one per line (- for standard input).", valueName: "list"))
    var filesFrom: String?

    @Flag(name: .long, help: "Print one JSON line per speaker across all the inputs: name, articles, statements, words quoted, roles.")
    var summary = false

    @Flag(name: .customLong("no-state"), help: "Neither restore nor save reading positions ($XDG_STATE_HOME/voices/positions).")
    var noState = false

    @Option(name: .long, help: ArgumentHelp("With --list, --explain or --json: only this speaker's statements (any part of a name, case and accents ignored).", valueName: "name"))
    var speaker: String?

    @Option(name: .long, help: ArgumentHelp("Colours: auto (on a terminal, unless NO_COLOR is set), always (e.g. for less -R), never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(name: .customLong("max-width"), help: ArgumentHelp("Longest row of article text in the reader, in columns (0: the whole width).", valueName: "columns"))
    var maxWidth: Int = 0

    @Flag(name: .long, help: .hidden)
    var debugCrash = false

    @Flag(name: .customLong("bench-reader"), help: .hidden)
    var benchReader = false

    /// Every candidate reported clause of one article with its features, as JSON lines
    /// (for bench/reported-model/train.py).
    @Flag(name: .customLong("reported-candidates"), help: .hidden)
    var reportedCandidates = false

    /// argument-parser's own `main`, with its messages (which quote the arguments given, such
    /// as an unknown option) shown with controls as visible symbols.
    static func main() {
        #if canImport(Glibc)
        // Blocks of 256 KB and more (the text, the model's arrays) come from mmap and go back
        // to the system when freed. glibc otherwise raises this threshold after each large
        // free, and the arrays that grow later stay in its heap: 4 % of the peak at 50 MB.
        // (mallopt is in <malloc.h>, which Glibc's module does not export: found by name.)
        if let mallopt = dlsym(nil, "mallopt") {
            let M_MMAP_THRESHOLD: Int32 = -3
            _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(M_MMAP_THRESHOLD, 256 << 10)
        }
        #endif
        do {
            var command: any ParsableCommand = try quickParse(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                try? Output.write(TerminalText.sanitize(message) + "\n", fd: code == .success ? STDOUT_FILENO : STDERR_FILENO)
            }
            Glibc.exit(code.rawValue)
        }
    }

    /// The common command lines (files, and the flags that choose the output, each at most
    /// once) read without argument-parser: its reflection over the options and the runtime's
    /// type lookups behind it cost about 10 M instructions at every start, more than parsing a
    /// small article. Anything else (another option, an option's value, `-`, `--`, help, a
    /// command line `validate` refuses) gives nil, and argument-parser reads it as always,
    /// with its own messages. `QuickParseTests` holds the result to argument-parser's.
    static func quickParse(_ arguments: [String]) -> VoicesCommand? {
        var files: [String] = []
        var flags: [String] = []
        for argument in arguments {
            guard argument.utf8.first == UInt8(ascii: "-") else { files.append(argument); continue }
            switch argument {
            case "--json", "--list", "--explain", "--index", "--text", "--summary", "--no-state", "--mouse":
                if flags.contains(argument) { return nil }
                flags.append(argument)
            default:
                return nil
            }
        }
        // Every property is set: argument-parser's wrappers refuse to be read otherwise.
        var command = VoicesCommand()
        command.files = files
        command.json = flags.contains("--json")
        command.list = flags.contains("--list")
        command.explain = flags.contains("--explain")
        command.mouse = flags.contains("--mouse")
        command.index = flags.contains("--index")
        command.extractedText = flags.contains("--text")
        command.jobs = nil
        command.format = nil
        command.filesFrom = nil
        command.summary = flags.contains("--summary")
        command.noState = flags.contains("--no-state")
        command.speaker = nil
        command.color = .auto
        command.maxWidth = 0
        command.debugCrash = false
        command.benchReader = false
        command.reportedCandidates = false
        do { try command.validate() } catch { return nil }
        return command
    }

    func validate() throws {
        if [json, list, explain, index, extractedText].filter({ $0 }).count > 1 {
            throw ValidationError("--json, --list, --explain, --index and --text cannot be combined.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if speaker != nil && !(json || list || explain) { throw ValidationError("--speaker goes with --list, --explain or --json.") }
        if let speaker, speaker.allSatisfy(\.isWhitespace) { throw ValidationError("--speaker needs a name.") }
        if maxWidth < 0 || (maxWidth > 0 && maxWidth < 20) { throw ValidationError("--max-width must be 0 (no limit) or at least 20.") }
        if summary && (list || explain || index || extractedText) { throw ValidationError("--summary cannot be combined with --list, --explain, --index or --text.") }
    }

    func run() throws {
        if benchReader { ReaderBenchmark.run(); return }
        if reportedCandidates {
            let loader = ArticleLoader(format: format?.inputFormat)
            for path in files {
                let text: String
                do throws(LoadError) { text = try loader.extractedText(path) } catch {
                    Output.error("voices: " + error.message)
                    throw ExitCode(error.exitCode)
                }
                try Output.write(ReportedCandidate.jsonLines(ArticleParser.reportedCandidates(text)), fd: STDOUT_FILENO)
            }
            return
        }
        Output.ignoreBrokenPipeSignal()
        if try runCorpusIfNeeded() { return }
        let loader = ArticleLoader(format: format?.inputFormat)
        // Standard input is a terminal and nothing says what to read: say what voices waits for.
        let readsStdin = (files.isEmpty && (json || list || explain || index || extractedText)) || files.contains("-")
        if readsStdin && isatty(STDIN_FILENO) != 0 {
            Output.error("voices: reading an article from the terminal (type or paste it, then Ctrl-D; voices FILE reads a file)")
        }
        let inputs: [String]
        do { inputs = try loader.expand(files.isEmpty && (json || list || explain || index || extractedText) ? ["-"] : files) } catch {
            Output.error("voices: " + error.message)
            throw ExitCode(error.exitCode)
        }
        if json || list || explain || extractedText {
            let jobs = self.jobs ?? BatchRunner.defaultJobs
            let json = json, explain = explain, extractedText = extractedText, speaker = speaker
            let sgr = color.enabled(isTerminal: isatty(STDOUT_FILENO) != 0) ? Palette.basic.map { 30 + $0 } : nil
            // Each line names its file when there are several or a folder was given.
            let several = inputs.count > 1 || inputs != files
            var failed: Int32 = 0
            // A file found in a folder that gives no article is reported but, when another
            // article printed, does not fail the run (a file named on the command line does).
            var failedInFolder: Int32 = 0
            var printedCount = 0
            let named = Set(files)
            let single = inputs.count == 1
            try BatchRunner.run(count: inputs.count, jobs: jobs, work: { i -> Result<Printed, LoadError> in
                let path = inputs[i]
                do throws(LoadError) {
                    if extractedText {
                        let text = TerminalText.sanitize(try loader.extractedText(path))
                        return .success(.text(several ? "==> \(TerminalText.line(path)) <==\n\(text)\n" : text, warnings: []))
                    }
                    var article = try loader.load(path)
                    var warnings = ArticleLoader.decodingWarnings(article, path: path)
                    var only: Set<Int>?
                    if let speaker {
                        only = SpeakerSelection.matching(speaker, in: article)
                        if only!.isEmpty { warnings.append("voices: \(path == "-" ? "standard input" : path): no speaker matches \"\(speaker)\"") }
                        if json { article = SpeakerSelection.restricted(article, to: only!) }
                    }
                    // One article's JSON is streamed by `emit` (a 200 MB article's JSON is never
                    // in memory whole); in a batch each job renders its own, in parallel.
                    if json && single { return .success(.json(article, source: several ? path : nil, warnings: warnings)) }
                    if json {
                        // Bytes, not a `String`: nothing to validate or copy again on the way out.
                        var bytes: [UInt8] = []
                        ArticleJSON.write(article, source: several ? path : nil) { bytes.append(contentsOf: $0) }
                        bytes.append(0x0A)
                        return .success(.bytes(bytes, warnings: warnings))
                    }
                    // Likewise one article's listing is streamed.
                    if single && !several { return .success(.listing(article, explain: explain, speakers: only, sgr: sgr, warnings: warnings)) }
                    var bytes: [UInt8] = several ? Array("==> \(TerminalText.line(path)) <==\n".utf8) : []
                    ArticleListing.write(article, explain: explain, speakers: only, sgr: sgr, bytes: { bytes.append(contentsOf: $0) })
                    return .success(.bytes(bytes, warnings: warnings))
                } catch {
                    return .failure(error)
                }
            }, emit: { i, result in
                switch result {
                case .success(let printed):
                    printedCount += 1
                    do { try printed.write() } catch {
                        if Output.isBrokenPipe(error) { throw ExitCode(0) }
                        Output.error("voices: cannot write output: \(error)")
                        throw ExitCode(74)
                    }
                    Printed.keepUntilExit(printed)
                case .failure(let error):
                    Output.error("voices: " + error.message)
                    if named.contains(inputs[i]) { failed = error.exitCode } else { failedInFolder = error.exitCode }
                }
            })
            if failed != 0 { throw ExitCode(failed) }
            if failedInFolder != 0 && printedCount == 0 { throw ExitCode(failedInFolder) }
            return
        }
        if index {
            try printIndex(inputs, loader: loader)
            return
        }
        // Interactive (or plain listing when stdout is not a terminal). The files that load
        // are opened; the others are reported (after the reader quits) and only when none
        // loaded is it an error.
        var articles: [Article] = []
        var names: [String] = []
        var keys: [String?] = []
        var notes: [String] = []
        var lastError: LoadError?
        var failedFiles = 0
        if files.isEmpty {
            articles = [ArticleParser.parse(SampleArticle.text)]
            keys = [nil]
        } else {
            for path in inputs {
                do {
                    let (article, key) = try loader.loadKeyed(path)
                    articles.append(article)
                    names.append(path == "-" ? "standard input" : path)
                    keys.append(key)
                    notes += ArticleLoader.decodingWarnings(article, path: path)
                } catch {
                    notes.append("voices: " + error.message)
                    lastError = error
                    failedFiles += 1
                }
            }
        }
        if articles.isEmpty, let lastError {
            notes.forEach(Output.error)
            throw ExitCode(lastError.exitCode)
        }
        // The reader needs a terminal for its screen; keys come from standard input or, when
        // the article arrived through a pipe, from /dev/tty (as less does).
        if isatty(STDOUT_FILENO) == 0 || (isatty(STDIN_FILENO) == 0 && !Self.canOpenTTY) {
            notes.forEach(Output.error)
            do {
                // Colour only on request (--color=always): this is the output of a pipe.
                let sgr = color == .always ? Palette.basic.map { 30 + $0 } : nil
                for (i, a) in articles.enumerated() {
                    if articles.count > 1 { try Output.write("==> \(TerminalText.line(names[i])) <==\n") }
                    try ArticleListing.write(a, sgr: sgr, bytes: { try Output.write(bytes: $0) })
                }
            } catch {
                if Output.isBrokenPipe(error) { throw ExitCode(0) }
                Output.error("voices: cannot write output: \(error)")
                throw ExitCode(74)
            }
            return
        }
        let positions = ReadingPositions(store: noState ? nil : StateStore(), keys: keys)
        let code = InteractiveReader.run(articles: articles, names: names, positions: positions, notes: notes, failedFiles: failedFiles,
                                         mouse: mouse, debugCrash: debugCrash, color: color, maxTextWidth: maxWidth)
        if code != 0 { throw ExitCode(code) }
    }
}

extension ColorChoice: ExpressibleByArgument {}

extension VoicesCommand {
    /// Whether keys can be read from the controlling terminal.
    static var canOpenTTY: Bool {
        let fd = open("/dev/tty", O_RDONLY | O_CLOEXEC)
        if fd < 0 { return false }
        close(fd)
        return true
    }

    /// `--index`: the articles parsed in parallel, then one speaker index across them.
    func printIndex(_ inputs: [String], loader: ArticleLoader) throws {
        var articles: [(name: String, article: Article)] = []
        var failed: Int32 = 0
        var failedInFolder: Int32 = 0
        let named = Set(files)
        BatchRunner.run(count: inputs.count, jobs: jobs ?? BatchRunner.defaultJobs, work: { i -> Result<Article, LoadError> in
            do throws(LoadError) { return .success(try loader.load(inputs[i])) } catch { return .failure(error) }
        }, emit: { i, result in
            switch result {
            case .success(let a): articles.append((inputs[i] == "-" ? "standard input" : inputs[i], a))
            case .failure(let e):
                Output.error("voices: " + e.message)
                if named.contains(inputs[i]) { failed = e.exitCode } else { failedInFolder = e.exitCode }
            }
        })
        let index = SpeakerIndex(articles: articles.map(\.article))
        do { try Output.write(SpeakerIndexListing.render(index, names: articles.map(\.name))) } catch {
            if Output.isBrokenPipe(error) { throw ExitCode(0) }
            Output.error("voices: cannot write output: \(error)")
            throw ExitCode(74)
        }
        if failed != 0 { throw ExitCode(failed) }
        if failedInFolder != 0 && articles.isEmpty { throw ExitCode(failedInFolder) }
    }
}

/// What one input of `--json`/`--list`/`--explain`/`--text` prints: text, or an article
/// whose JSON or listing is streamed; and the warnings for stderr (replaced bytes), printed first.
enum Printed: Sendable {
    case text(String, warnings: [String])
    case bytes([UInt8], warnings: [String])
    case json(Article, source: String?, warnings: [String])
    case listing(Article, explain: Bool, speakers: Set<Int>?, sgr: [Int]?, warnings: [String])

    /// The output printed last, held until the process exits. Once printed, an article's
    /// model is only freed, object by object (its speakers' names and lists, its
    /// quotations' cues: 1 % of the instructions of one article's `--json`), and the last
    /// one is freed just before the process ends and the system takes back its memory
    /// whole; held here, it is never freed. Each output stored frees the one before it.
    private static let last = Mutex<Printed?>(nil)

    static func keepUntilExit(_ printed: Printed) { last.withLock { $0 = printed } }

    func write() throws {
        switch self {
        case .text(let text, let warnings):
            warnings.forEach(Output.error)
            try Output.write(text)
        case .bytes(let bytes, let warnings):
            warnings.forEach(Output.error)
            try bytes.withUnsafeBufferPointer { try Output.write(bytes: $0) }
        case .json(let article, let source, let warnings):
            warnings.forEach(Output.error)
            try ArticleJSON.write(article, source: source, to: { try Output.write(bytes: $0) })
            try Output.write("\n")
        case .listing(let article, let explain, let only, let sgr, let warnings):
            warnings.forEach(Output.error)
            try ArticleListing.write(article, explain: explain, speakers: only, sgr: sgr, bytes: { try Output.write(bytes: $0) })
        }
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

    /// One message line on stderr. Whatever it quotes (a file name, a page's title) is shown
    /// with controls and bidi overrides as visible symbols, never raw.
    static func error(_ s: String) {
        try? write(TerminalText.line(s) + "\n", fd: STDERR_FILENO)
    }
}
