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
                    notes: [String] = [], failedFiles: Int = 0, mouse: Bool, debugCrash: Bool = false) -> Int32 {
        SignalGuard.install()
        CursesTerminal.prepareLocale()
        let colors = (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse, colors: colors)
        } catch {
            SignalGuard.uninstall()
            Output.error(error.message)
            notes.forEach(Output.error)
            for a in articles { try? Output.write(ArticleListing.render(a)) }
            return 0
        }
        SignalGuard.screenTaken()
        // Buffered by SignalGuard and replayed once the screen is given back.
        notes.forEach(Output.error)
        var warnings: [String] = []
        var positions = positions
        let size = terminal.size
        var state = ReaderState(articles: articles, width: size.width, height: size.height, names: names)
        warnings += positions.restore(into: &state)
        let failed = failedFiles
        if failed > 0 { state.message = "\(failed) file\(failed == 1 ? "" : "s") could not be opened (listed after q)" }
        terminal.present(ScreenRenderer.render(state), redraws: state.redraws)
        if debugCrash {
            Output.error("voices: --debug-crash: trapping after the first paint")
            crash()
        }
        while SignalGuard.pendingSignal == 0 {
            guard let key = terminal.readKey() else { continue }
            let before = state.current
            state.handle(key)
            if state.current != before { warnings += positions.save(state, articles: [before]) }
            if state.quitRequested { break }
            terminal.present(ScreenRenderer.render(state), redraws: state.redraws)
        }
        warnings += positions.save(state)
        terminal.close()
        SignalGuard.uninstall()
        warnings.forEach(Output.error)
        let sig = SignalGuard.pendingSignal
        return sig == 0 ? 0 : 128 + sig
    }

    @inline(never)
    private static func crash() -> Never {
        let values = [Int](repeating: 1, count: Int(getpid() % 2) + 1)
        fatalError("debug crash requested (\(values.count))")
    }
}
