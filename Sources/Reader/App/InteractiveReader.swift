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
    static func run(articles: [Article], mouse: Bool, debugCrash: Bool = false) -> Int32 {
        SignalGuard.install()
        CursesTerminal.prepareLocale()
        let colors = (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse, colors: colors)
        } catch {
            SignalGuard.uninstall()
            Output.error(error.message)
            for a in articles { try? Output.write(ArticleListing.render(a)) }
            return 0
        }
        SignalGuard.screenTaken()
        let size = terminal.size
        var state = ReaderState(articles: articles, width: size.width, height: size.height)
        terminal.present(ScreenRenderer.render(state), redraws: state.redraws)
        if debugCrash {
            Output.error("voices: --debug-crash: trapping after the first paint")
            crash()
        }
        while SignalGuard.pendingSignal == 0 {
            guard let key = terminal.readKey() else { continue }
            state.handle(key)
            if state.quitRequested { break }
            terminal.present(ScreenRenderer.render(state), redraws: state.redraws)
        }
        terminal.close()
        SignalGuard.uninstall()
        let sig = SignalGuard.pendingSignal
        return sig == 0 ? 0 : 128 + sig
    }

    @inline(never)
    private static func crash() -> Never {
        let values = [Int](repeating: 1, count: Int(getpid() % 2) + 1)
        fatalError("debug crash requested (\(values.count))")
    }
}
