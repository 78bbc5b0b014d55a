/// The distinct spellings of one article's words, each lowercased and classed once.
///
/// The tokenizer meets the same few thousand spellings over and over: looking a word up
/// here hashes its bytes as written (FNV-1a, no `String`, no SipHash) and compares them
/// with the stored key; only a spelling not seen before is lowercased and looked up in the
/// language pack's tables. Keys are UTF-8 bytes, case as written ("The" and "the" are two
/// entries with one lowercased form).
struct WordTable {
    struct Entry {
        var hash: UInt64
        var start: Int32
        var count: Int32
        var lower: String
        var cls: WordClass
        /// 0 not yet asked, 1 no, 2 yes: whether the word followed by a period is an abbreviation.
        var abbreviation: UInt8 = 0
    }

    private(set) var entries: [Entry] = []
    /// Open addressing: entry index + 1, 0 for an empty slot.
    private var slots: [Int32]
    private var keys: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
        entries.reserveCapacity(capacity)
        keys.reserveCapacity(capacity * 8)
    }

    @inline(__always) static func hash(_ source: Source, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var k = start
        while k < end {
            h = (h ^ UInt64(source[k])) &* 0x100_0000_01b3
            k += 1
        }
        return h
    }

    /// The entry of the bytes `start..<end`, created with `make` the first time.
    @inline(__always)
    mutating func index(_ source: Source, _ start: Int, _ end: Int, make: (Source, Int, Int) -> (String, WordClass)) -> Int {
        let h = Self.hash(source, start, end)
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let n = end - start
        while true {
            let s = Int(slots[slot])
            if s == 0 { break }
            let e = s - 1
            if entries[e].hash == h, Int(entries[e].count) == n, equal(e, source, start, n) { return e }
            slot = (slot + 1) & mask
        }
        let (lower, cls) = make(source, start, end)
        let e = entries.count
        entries.append(Entry(hash: h, start: Int32(keys.count), count: Int32(n), lower: lower, cls: cls))
        for k in start..<end { keys.append(source[k]) }
        slots[slot] = Int32(e + 1)
        if entries.count * 2 > slots.count { grow() }
        return e
    }

    subscript(e: Int) -> Entry {
        get { entries[e] }
        _modify { yield &entries[e] }
    }

    @inline(__always) private func equal(_ e: Int, _ source: Source, _ start: Int, _ n: Int) -> Bool {
        let base = Int(entries[e].start)
        return keys.withUnsafeBufferPointer { key in
            for k in 0..<n where key[base + k] != source[start + k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
        for (e, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(e + 1)
        }
    }
}
