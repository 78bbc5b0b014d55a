/// Entity numbers in the order they were last named, oldest first, newest last, each at
/// most once and at most `limit` of them: naming one beyond the limit drops the oldest.
///
/// A chain through an array by entity number (the entity before and after each), so naming
/// an entity again unlinks it and links it at the end: a few writes, where a plain array
/// shifted every entity named after it down one place (the registry names an entity every
/// forty bytes of news or so).
struct RecencyList: Sequence {
    fileprivate struct Link {
        var older: Int32 = -1
        var newer: Int32 = -1
        var listed = false
    }

    let limit: Int
    /// By entity number (entities never named yet have none).
    private var links: [Link] = []
    private var oldest: Int32 = -1
    private var newest: Int32 = -1
    private(set) var count = 0

    init(limit: Int) {
        precondition(limit >= 1)
        self.limit = limit
    }

    /// Entity `i` was named: it becomes the newest (the oldest leaves when the list is full
    /// and `i` was not in it).
    mutating func moveToEnd(_ i: Int) {
        if Int(newest) == i { return }
        if links.count <= i { links.append(contentsOf: repeatElement(Link(), count: i + 1 - links.count)) }
        let me = Int32(i)
        var oldest = self.oldest, newest = self.newest, count = self.count
        links.withUnsafeMutableBufferPointer { l in
            if l[i].listed {
                // Out of its place: `i` is not the newest, so an entity newer than it exists.
                let older = l[i].older, newer = l[i].newer
                if older >= 0 { l[Int(older)].newer = newer } else { oldest = newer }
                l[Int(newer)].older = older
            } else if count == limit {
                let gone = Int(oldest)
                oldest = l[gone].newer
                if oldest >= 0 { l[Int(oldest)].older = -1 } else { newest = -1 }
                l[gone] = Link()
            } else {
                count += 1
            }
            l[i] = Link(older: newest, newer: -1, listed: true)
            if newest >= 0 { l[Int(newest)].newer = me } else { oldest = me }
            newest = me
        }
        self.oldest = oldest
        self.newest = newest
        self.count = count
    }

    /// The newest entity that satisfies `predicate`.
    func last(where predicate: (Int) throws -> Bool) rethrows -> Int? {
        var k = newest
        while k >= 0 {
            if try predicate(Int(k)) { return Int(k) }
            k = links[Int(k)].older
        }
        return nil
    }

    /// Oldest first.
    struct Iterator: IteratorProtocol {
        fileprivate let links: [Link]
        fileprivate var k: Int32

        mutating func next() -> Int? {
            guard k >= 0 else { return nil }
            defer { k = links[Int(k)].newer }
            return Int(k)
        }
    }

    func makeIterator() -> Iterator { Iterator(links: links, k: oldest) }

    var underestimatedCount: Int { count }
}
