import Testing
import Synchronization
@testable import Reader
#if canImport(Glibc)
import Glibc
#endif

@Suite("Running a batch on several threads, results in input order")
struct BatchRunnerTests {
    /// Work whose cost falls with the index, so later items tend to finish first.
    static func work(_ i: Int) -> Int {
        var x = UInt64(i) &+ 1
        for _ in 0..<((200 - i) * 100) { x = x &* 6364136223846793005 &+ 1442695040888963407 }
        return i * 10 + (x == 0 ? 1 : 0)      // uses x, so the loop is not optimised away
    }

    @Test("results come back in input order, each once, whatever the jobs", arguments: [1, 2, 4, 16])
    func order(jobs: Int) {
        var seen: [Int] = []
        BatchRunner.run(count: 200, jobs: jobs, work: { Self.work($0) }, emit: { i, r in
            #expect(r == i * 10)
            seen.append(i)
        })
        #expect(seen == Array(0..<200))
    }

    @Test("no inputs, no calls")
    func empty() {
        var calls = 0
        BatchRunner.run(count: 0, jobs: 4, work: { $0 }, emit: { _, _ in calls += 1 })
        #expect(calls == 0)
    }

    @Test("an error from emit stops the output there")
    func emitError() {
        struct Stop: Error {}
        var emitted: [Int] = []
        #expect(throws: Stop.self) {
            try BatchRunner.run(count: 50, jobs: 3, work: { $0 }, emit: { i, _ in
                if i == 7 { throw Stop() }
                emitted.append(i)
            })
        }
        #expect(emitted == Array(0..<7))
    }

    @Test("n jobs are n threads, the calling thread one of them")
    func threads() {
        let calling = UInt(pthread_self())
        let threads = Mutex<Set<UInt>>([])
        var seen: [Int] = []
        BatchRunner.run(count: 200, jobs: 2, work: { i in
            threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            return Self.work(i)
        }, emit: { i, _ in seen.append(i) })
        #expect(seen == Array(0..<200))
        let used = threads.withLock { $0 }
        #expect(used.count <= 2, "no thread beyond the jobs")
        // The calling thread takes an article as soon as the first result is not ready, long
        // before the other thread could have taken all 200.
        #expect(used.contains(calling), "the calling thread parses too")
    }
}
