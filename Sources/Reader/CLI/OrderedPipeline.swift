import Dispatch
import Synchronization

/// Runs `work` on items drawn one at a time from `next` (on the calling thread) with
/// `jobs` threads, and hands each result to `emit` on the calling thread in the order the
/// items came. At most `window` items are in flight, so a stream of any length (the records
/// of a WARC file) is processed in bounded memory while its reading overlaps the work.
enum OrderedPipeline {
    static func run<In: Sendable, Out: Sendable>(jobs: Int, window: Int, next: () throws -> In?,
                                                 work: @escaping @Sendable (In) -> Out,
                                                 emit: (Out) throws -> Void) throws {
        if jobs <= 1 {
            while let item = try next() { try emit(work(item)) }
            return
        }
        let shared = Shared<In, Out>()
        for _ in 0..<jobs {
            DispatchQueue.global().async {
                while true {
                    shared.available.wait()
                    guard let (seq, item) = shared.queue.withLock({ q -> (Int, In)? in q.isEmpty ? nil : q.removeFirst() }) else {
                        return   // the stop signal
                    }
                    let r = work(item)
                    shared.results.withLock { $0[seq] = r }
                    shared.ready.signal()
                }
            }
        }
        defer {
            // Stop the workers: an empty queue with a signal each means "no more".
            shared.queue.withLock { $0.removeAll() }
            for _ in 0..<jobs { shared.available.signal() }
        }
        var seq = 0, nextOut = 0, done = false
        let window = max(window, jobs)
        while true {
            while !done && seq - nextOut < window {
                if let item = try next() {
                    shared.queue.withLock { $0.append((seq, item)) }
                    shared.available.signal()
                    seq += 1
                } else {
                    done = true
                }
            }
            if done && nextOut == seq { break }
            shared.ready.wait()
            while let r = shared.results.withLock({ $0.removeValue(forKey: nextOut) }) {
                try emit(r)
                nextOut += 1
            }
        }
    }

    private final class Shared<In: Sendable, Out: Sendable>: Sendable {
        let queue = Mutex<[(Int, In)]>([])
        let results = Mutex<[Int: Out]>([:])
        let available = DispatchSemaphore(value: 0)
        let ready = DispatchSemaphore(value: 0)
    }
}
