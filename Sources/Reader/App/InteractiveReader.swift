#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// The interactive reader's loop: keys in, state changed by `apply`, frame rendered into a
/// grid, grid presented. The only place that owns a terminal.
enum InteractiveReader {
    /// Runs until `q` or a signal. Returns the exit code (0, or 128 + signal).
    /// `debugCrash` traps right after the first paint (tests that the crash restores the terminal).
    /// `names` label articles without a title; `positions` restores and saves reading
    /// positions; `notes` (files that failed to load, decoding warnings) go to stderr while
    /// curses owns the screen, so they are replayed after it quits.
    static func run(articles: [Article], names: [String] = [], positions: ReadingPositions = ReadingPositions(store: nil, keys: []),
                    notes: [String] = [], failedFiles: Int = 0, mouse: Bool, debugCrash: Bool = false,
                    color: ColorChoice = .auto, maxTextWidth: Int = 0) -> Int32 {
        SignalGuard.install()
        CursesTerminal.prepareLocale()
        let colors = color.enabled(isTerminal: true)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse, colors: colors)
        } catch {
            SignalGuard.uninstall()
            Output.error(error.message)
            notes.forEach(Output.error)
            for (i, a) in articles.enumerated() {
                let name = i < names.count ? names[i] : "article \(i + 1)"
                try? Output.write(articles.count > 1 ? "==> \(name) <==\n" + ArticleListing.render(a) : ArticleListing.render(a))
            }
            return 0
        }
        SignalGuard.screenTaken()
        // Buffered by SignalGuard and replayed once the screen is given back.
        notes.forEach(Output.error)
        var warnings: [String] = []
        var positions = positions
        let size = terminal.size
        var state = ReaderState(articles: articles, width: size.width, height: size.height, names: names)
        state.maxTextWidth = maxTextWidth
        warnings += positions.restore(into: &state)
        // A position saved in a smaller window must not leave blank rows below the end.
        for i in state.articles.indices {
            let keep = state.current
            state.current = i
            state.clampAnchor()
            state.current = keep
        }
        let failed = failedFiles
        if failed > 0 { state.message = "\(failed) file\(failed == 1 ? "" : "s") could not be opened (listed after q)" }
        var frame = ScreenRenderer.render(state)
        terminal.present(frame, redraws: state.redraws)
        if debugCrash {
            Output.error("voices: --debug-crash: trapping after the first paint")
            crash()
        }
        while SignalGuard.pendingSignal == 0 {
            guard var key = terminal.readKey() else { continue }
            let typing = state.prompt != nil && state.overlay == nil
            // Keys already waiting (a paste into the prompt) are all handled before one frame.
            var batch = 0
            while true {
                let before = state.current
                state.handle(key)
                if state.current != before { warnings += positions.save(state, articles: [before]) }
                run(&state, terminal)
                batch += 1
                if state.quitRequested || batch >= 4096 { break }
                guard let next = terminal.readPendingKey() else { break }
                key = next
            }
            if state.quitRequested { break }
            frame = typing ? ScreenRenderer.renderTyping(state, over: frame) : ScreenRenderer.render(state)
            terminal.present(frame, redraws: state.redraws)
        }
        warnings += positions.save(state)
        terminal.close()
        SignalGuard.uninstall()
        warnings.forEach(Output.error)
        let sig = SignalGuard.pendingSignal
        return sig == 0 ? 0 : 128 + sig
    }

    /// Carries out what the last key asked of the outside world.
    private static func run(_ state: inout ReaderState, _ terminal: CursesTerminal) {
        let effects = state.effects
        state.effects = []
        for effect in effects {
            switch effect {
            case .copy(let text):
                terminal.copyToClipboard(text)
            case .open(let url):
                guard let browser = getenv("BROWSER").map({ String(cString: $0) }), !browser.isEmpty else {
                    state.message = "Set $BROWSER to open \(TextFit.truncate(url, width: 60))"
                    continue
                }
                var status: Int32 = 0
                terminal.runOutside { status = Browser.open(url, with: browser) }
                state.message = status == 0 ? "Opened \(TextFit.truncate(url, width: 60))" : "$BROWSER failed (status \(status))"
            }
        }
    }

    @inline(never)
    private static func crash() -> Never {
        let values = [Int](repeating: 1, count: Int(getpid() % 2) + 1)
        fatalError("debug crash requested (\(values.count))")
    }
}

/// `--color`: colours in the reader and the listing.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    /// auto: colour on a terminal unless NO_COLOR is set (no-color.org); always / never as said.
    func enabled(isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = getenv("NO_COLOR").map { !String(cString: $0).isEmpty } ?? false
            return isTerminal && !noColor
        }
    }
}

/// Runs `$BROWSER` on a URL: the first of a colon-separated list, `%s` replaced by the URL
/// (else the URL is its last argument). The URL is passed as an argument, never as shell text.
enum Browser {
    static func command(_ browser: String) -> String {
        let first = browser.split(separator: ":", omittingEmptySubsequences: true).first.map(String.init) ?? browser
        return first.contains("%s") ? first.split(separator: "%s", omittingEmptySubsequences: false).joined(separator: "\"$1\"") : first + " \"$1\""
    }

    static func open(_ url: String, with browser: String) -> Int32 {
        let argv = ["/bin/sh", "-c", command(browser), "sh", url]
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
