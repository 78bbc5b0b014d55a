import Dispatch
import Synchronization

/// Runs one job per input on several threads and hands the results back on the calling
/// thread in input order, each as soon as every earlier one is done (so output streams
/// while later articles are still being parsed).
///
/// With `jobs` jobs, `jobs - 1` threads are started and the calling thread is the last
/// worker: between results it parses articles too, and it sleeps only when the result it
/// must print next is still being made on another thread (so `jobs` threads do the work,
/// and a thread is woken once per wait, not once per article).
enum BatchRunner {
    /// The default number of jobs: the machine's cores.
    static var defaultJobs: Int {
        #if canImport(Glibc)
        let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(1, n)
        #else
        return 4
        #endif
    }

    static func run<T: Sendable>(count: Int, jobs: Int, work: @escaping @Sendable (Int) -> T,
                                 emit: (Int, T) throws -> Void) rethrows {
        let jobs = max(1, min(jobs, count))
        if jobs == 1 {
            for i in 0..<count { try emit(i, work(i)) }
            return
        }
        let state = Shared<T>(count: count)
        for _ in 1..<jobs {
            DispatchQueue.global().async {
                while let i = state.claim() { state.store(i, work(i)) }
            }
        }
        var nextOut = 0
        do {
            while nextOut < count {
                if let r = state.take(nextOut) {
                    try emit(nextOut, r)
                    nextOut += 1
                } else if let i = state.claim() {
                    // The next result is being made elsewhere: make another meanwhile.
                    state.store(i, work(i))
                } else {
                    state.wait(for: nextOut)
                }
            }
        } catch {
            // The output failed (a closed pipe): the other threads take no new article.
            state.stop()
            throw error
        }
    }

    private final class Shared<T: Sendable>: Sendable {
        private let next = Atomic<Int>(0)
        private let count: Int
        private struct Slots {
            var results: [T?]
            /// The result the calling thread sleeps on, -1 when it does not sleep.
            var awaited = -1
        }
        private let slots: Mutex<Slots>
        private let ready = DispatchSemaphore(value: 0)

        init(count: Int) {
            self.count = count
            slots = Mutex(Slots(results: Array(repeating: nil, count: count)))
        }

        /// The next input nobody has taken, or nil when all are taken.
        func claim() -> Int? {
            let i = next.add(1, ordering: .relaxed).oldValue
            return i < count ? i : nil
        }

        func stop() { next.store(count, ordering: .relaxed) }

        /// Stores result `i`, waking the calling thread if it sleeps on that one.
        func store(_ i: Int, _ r: T) {
            let wake = slots.withLock { s -> Bool in
                s.results[i] = r
                guard s.awaited == i else { return false }
                s.awaited = -1
                return true
            }
            if wake { ready.signal() }
        }

        /// Result `i` when it is ready (taken out, so its memory goes once it is printed).
        func take(_ i: Int) -> T? {
            slots.withLock { s -> T? in
                defer { s.results[i] = nil }
                return s.results[i]
            }
        }

        /// Sleeps until result `i` is stored (at once if it already is).
        func wait(for i: Int) {
            let sleep = slots.withLock { s -> Bool in
                guard s.results[i] == nil else { return false }
                s.awaited = i
                return true
            }
            if sleep { ready.wait() }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
