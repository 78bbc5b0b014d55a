#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file read through a memory mapping faults (SIGBUS) on the pages it no longer has when
/// another program cuts it short meanwhile. While such a read is under way (`reading`), that
/// fault ends the run with a message and EX_IOERR (74), as an unreadable file does, instead
/// of a crash; any other fault goes on to the handler that was there before (the reader's
/// `SignalGuard`, Swift's backtracer). Readers on several threads of a batch share it: the
/// count says whether any is reading, and the message names no file (a handler cannot tell
/// whose read it was).
enum MappedReadGuard {
    /// Mapped reads under way.
    private static let active = Atomic<Int>(0)
    /// The handler for SIGBUS before ours (its fault is handed on to it).
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    private static let message: StaticString = "voices: an input file was cut short by another program while it was read\n"
    /// Installed once, before the first mapped read (a static's initialiser runs once, on
    /// whichever thread comes first).
    private static let installed: Bool = {
        // (The count is made here, before the handler can run: a handler must not be the
        // first to touch a static, whose lazy initialisation is not safe in a signal.)
        _ = active.load(ordering: .relaxed)
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in MappedReadGuard.faulted() }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = Int32(SA_NODEFER)
        return sigaction(SIGBUS, &sa, previous) == 0
    }()

    /// Runs `body`, which reads a mapped file, with its faults turned into the message above.
    static func reading<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = installed
        active.add(1, ordering: .sequentiallyConsistent)
        defer { active.subtract(1, ordering: .sequentiallyConsistent) }
        return try body()
    }

    /// The SIGBUS handler (async-signal-safe calls only).
    private static func faulted() {
        if active.load(ordering: .sequentiallyConsistent) > 0 {
            SignalGuard.giveBack()
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(74)   // EX_IOERR
        }
        // Not ours: the faulting instruction runs again and meets the previous handler.
        sigaction(SIGBUS, previous, nil)
    }
}
