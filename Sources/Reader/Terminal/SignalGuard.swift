#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the terminal usable whatever happens while curses owns it:
/// - every signal whose default action ends the process without a core dump (SIGINT, SIGTERM,
///   SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
///   SIGSTKFLT, SIGPWR, SIGIO and the real-time signals) sets a flag; the loop (which wakes at
///   least every few hundred milliseconds, or at once when the read is interrupted) restores
///   the terminal, saves the reading positions and exits with 128 + the signal. (SIGPIPE is
///   ignored for the whole run; SIGKILL and SIGSTOP cannot be caught.)
/// - SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGSYS (a Swift trap is SIGILL on
///   x86-64) run the restore hook (endwin), give back stderr, and hand the signal to the
///   handler that was there before (Swift's backtracer), so the crash report prints on a
///   sane terminal.
/// - While curses owns the screen, stderr goes to an unlinked temporary file and is replayed
///   after the screen is given back (text written to the alternate screen would be lost).
/// Handler state is global (C handlers cannot capture) and touched only with async-signal-safe calls.
enum SignalGuard {
    nonisolated(unsafe) static var pendingSignal: Int32 = 0
    /// Restores the terminal (set by the terminal; a C function pointer, no captures).
    nonisolated(unsafe) static var restoreHook: (@convention(c) () -> Void)?
    nonisolated(unsafe) private static var restored: Int32 = 1
    nonisolated(unsafe) private static var savedStderr: Int32 = -1
    nonisolated(unsafe) private static var bufferFile: Int32 = -1
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var copyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)

    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                       SIGXCPU, SIGXFSZ, SIGSTKFLT, SIGPWR, SIGIO]
        + Array(__libc_current_sigrtmin()...min(__libc_current_sigrtmax(), 64))
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGSYS]

    static func install() {
        // A parent may have left these blocked (the mask is inherited): then no handler runs.
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in quitSignals + crashSignals { sigaddset(&mask, sig) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for sig in quitSignals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in SignalGuard.pendingSignal = sig }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0            // no SA_RESTART: a blocked read returns at once
            sigaction(sig, &sa, nil)
        }
        for sig in crashSignals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in SignalGuard.crashed(sig) }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = Int32(SA_NODEFER)
            sigaction(sig, &sa, previous + Int(sig))
        }
    }

    /// Puts back the handlers that were there before `install` for the crash signals.
    static func uninstall() {
        for sig in crashSignals { sigaction(sig, previous + Int(sig), nil) }
        for sig in quitSignals { signal(sig, SIG_DFL) }
    }

    /// Called once curses owns the screen.
    static func screenTaken() {
        restored = 0
        fflush(nil)
        var template = Array("/tmp/voices-stderr-XXXXXX".utf8CString)
        // Numbered 3 or above even when a standard descriptor is closed (see CursesTerminal).
        let fd = StateStore.aboveStandardStreams(template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) })
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        savedStderr = dup(STDERR_FILENO)
        bufferFile = fd
        dup2(fd, STDERR_FILENO)
    }

    /// Gives the screen back (idempotent, async-signal-safe apart from the hook's endwin).
    static func giveBack() {
        if restored != 0 { return }
        restored = 1
        restoreHook?()
        replayStderr()
    }

    private static func replayStderr() {
        guard savedStderr >= 0 else { return }
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        savedStderr = -1
        if bufferFile >= 0 {
            lseek(bufferFile, 0, SEEK_SET)
            while true {
                let n = read(bufferFile, copyBuffer, 4096)
                if n <= 0 { break }
                var off = 0
                while off < n {
                    let w = write(STDERR_FILENO, copyBuffer + off, n - off)
                    if w <= 0 { break }
                    off += w
                }
            }
            close(bufferFile)
            bufferFile = -1
        }
    }

    private static func crashed(_ sig: Int32) {
        giveBack()
        // Hand over to whoever handled this signal before us (Swift's backtracer, or the default).
        sigaction(sig, previous + Int(sig), nil)
        if sig == SIGILL || sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE {
            return   // the faulting instruction runs again and meets the previous handler
        }
        raise(sig)
    }
}
