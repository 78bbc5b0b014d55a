import Testing
@testable import Core

/// The recency list held to the plain rule it stands for: an array of distinct entity
/// numbers, newest last, where naming one moves it to the end and naming a new one beyond
/// the limit drops the oldest.
@Suite("Recency list")
struct RecencyListTests {
    /// The rule on an array: what the registry's list was before it became a chain.
    struct Reference {
        let limit: Int
        var list: [Int] = []
        mutating func moveToEnd(_ i: Int) {
            if let k = list.firstIndex(of: i) { list.remove(at: k) } else if list.count == limit { list.removeFirst() }
            list.append(i)
        }
    }

    @Test("agrees with the array rule on a long mixed sequence, at several limits", arguments: [1, 2, 3, 48])
    func agreesWithArray(limit: Int) {
        var list = RecencyList(limit: limit)
        var reference = Reference(limit: limit)
        var numbers = RegistryIndexTests.Numbers(state: UInt64(limit))
        for step in 0..<4_000 {
            // Mostly entities named lately (as in news), now and then a new or an old one.
            let i = step % 7 == 0 ? numbers.next(400) : numbers.next(12)
            list.moveToEnd(i)
            reference.moveToEnd(i)
            #expect(Array(list) == reference.list)
            #expect(list.count == reference.list.count)
        }
        #expect(list.last(where: { $0 % 2 == 0 }) == reference.list.last(where: { $0 % 2 == 0 }))
        #expect(list.last(where: { _ in false }) == nil)
    }

    @Test("an empty list holds nobody; the newest named is last; a full list drops its oldest")
    func basics() {
        var list = RecencyList(limit: 3)
        #expect(Array(list).isEmpty)
        #expect(list.last(where: { _ in true }) == nil)
        for i in [5, 9, 2] { list.moveToEnd(i) }
        #expect(Array(list) == [5, 9, 2])
        list.moveToEnd(5)
        #expect(Array(list) == [9, 2, 5])
        list.moveToEnd(5)
        #expect(Array(list) == [9, 2, 5])
        list.moveToEnd(7)
        #expect(Array(list) == [2, 5, 7])
        #expect(list.last(where: { $0 < 6 }) == 5)
        list.moveToEnd(9)
        #expect(Array(list) == [5, 7, 9])
    }
}
