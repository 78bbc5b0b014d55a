import Dispatch
import Synchronization

/// Runs one job per input on several threads and hands the results back on the calling
/// thread in input order, each as soon as every earlier one is done (so output streams
/// while later articles are still being parsed).
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
        for _ in 0..<jobs {
            DispatchQueue.global().async {
                while true {
                    let i = state.next.add(1, ordering: .relaxed).oldValue
                    if i >= count { break }
                    let r = work(i)
                    state.slots.withLock { $0[i] = r }
                    state.ready.signal()
                }
            }
        }
        var nextOut = 0
        while nextOut < count {
            state.ready.wait()
            while nextOut < count, let r = state.slots.withLock({ slots -> T? in
                defer { slots[nextOut] = nil }
                return slots[nextOut]
            }) {
                try emit(nextOut, r)
                nextOut += 1
            }
        }
    }

    private final class Shared<T: Sendable>: Sendable {
        let next = Atomic<Int>(0)
        let slots: Mutex<[T?]>
        let ready = DispatchSemaphore(value: 0)

        init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
