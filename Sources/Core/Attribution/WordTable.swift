/// A spelling's key, built byte by byte as the tokenizer reads the word: its FNV-1a hash,
/// its first eight bytes packed in an integer, its length; ASCII capitals folded ("The" and
/// "the" are one key). Folding only ASCII capitals keeps a key's lowercased form one
/// string: lowering a word lowers its ASCII letters the same way whatever surrounds them.
struct WordKey {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var prefix: UInt64 = 0
    var count = 0

    /// An ASCII capital as its small letter; any other byte as it is.
    @inline(__always) static func folded(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    @inline(__always) mutating func add(_ byte: UInt8) {
        let b = Self.folded(byte)
        hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
        if count < 8 { prefix |= UInt64(b) << (UInt64(count) << 3) }
        count += 1
    }

    @inline(__always) mutating func add(_ source: Source, _ start: Int, _ end: Int) {
        for k in start..<end { add(source[k]) }
    }

    init() {}

    init(_ source: Source, _ start: Int, _ end: Int) { add(source, start, end) }
}

/// Spellings by their `WordKey`, each with its lowercased text and its word classes.
///
/// Looking a word up compares its key (no `String`, no SipHash) and, past eight bytes, the
/// rest of its bytes. Two tables use it: a language pack's `WordLexicon` (every word the
/// pack knows, built once) and an article's own spellings (`ArticleWords`).
struct WordTable {
    struct Entry {
        var hash: UInt64
        var prefix: UInt64
        var start: Int32
        var count: Int32
        /// The lowercased text, at a fixed address (see `TextArena`).
        var text: UnsafePointer<String>
        var cls: WordClass
        /// The word followed by a period is an abbreviation whatever its case: it has a
        /// period inside ("u.s") or is a known abbreviation.
        var abbreviation: Bool
    }

    private(set) var entries: [Entry] = []
    /// Open addressing: entry index + 1, 0 for an empty slot.
    private var slots: [Int32]
    /// The bytes of keys longer than eight bytes, past the eighth, ASCII capitals folded.
    private var tails: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
        entries.reserveCapacity(capacity)
    }

    @inline(__always) private func firstSlot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & mask }

    /// The entry of the word at `start` with key `key`, or the empty slot where it goes.
    @inline(__always)
    func find(_ source: Source, _ start: Int, _ key: WordKey) -> (entry: Int?, slot: Int) {
        var slot = firstSlot(key.hash)
        while true {
            let s = Int(slots[slot])
            if s == 0 { return (nil, slot) }
            let e = s - 1
            if entries[e].hash == key.hash, entries[e].prefix == key.prefix, Int(entries[e].count) == key.count,
               key.count <= 8 || equalTail(e, source, start, key.count) { return (e, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the word at `start` with key `key` at `slot` (from a `find` that did not find it).
    mutating func insert(_ source: Source, _ start: Int, _ key: WordKey, slot: Int,
                         text: UnsafePointer<String>, cls: WordClass, abbreviation: Bool) -> Int {
        let e = entries.count
        entries.append(Entry(hash: key.hash, prefix: key.prefix, start: Int32(tails.count), count: Int32(key.count),
                             text: text, cls: cls, abbreviation: abbreviation))
        if key.count > 8 { for k in start + 8..<start + key.count { tails.append(WordKey.folded(source[k])) } }
        slots[slot] = Int32(e + 1)
        if entries.count * 2 > slots.count { grow() }
        return e
    }

    subscript(e: Int) -> Entry { entries[e] }

    @inline(__always) private func equalTail(_ e: Int, _ source: Source, _ start: Int, _ n: Int) -> Bool {
        let base = Int(entries[e].start) - 8
        return tails.withUnsafeBufferPointer { tail in
            for k in 8..<n where tail[base + k] != WordKey.folded(source[start + k]) { return false }
            return true
        }
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
        for (e, entry) in entries.enumerated() {
            var slot = firstSlot(entry.hash)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(e + 1)
        }
    }
}

/// Strings that never move once added, freed with the arena: a token points at its text
/// here, so a token is plain data (copied without reference counting). Whoever reads a
/// token's text keeps the arena alive meanwhile, as `Source`'s bytes outlive the stages.
final class TextArena {
    private var chunks: [UnsafeMutablePointer<String>] = []
    /// Strings in the last chunk.
    private var used = 0
    private let chunkSize: Int

    init(chunkSize: Int = 512) { self.chunkSize = chunkSize }

    func add(_ s: String) -> UnsafePointer<String> {
        if chunks.isEmpty || used == chunkSize {
            chunks.append(UnsafeMutablePointer<String>.allocate(capacity: chunkSize))
            used = 0
        }
        let p = chunks[chunks.count - 1] + used
        p.initialize(to: s)
        used += 1
        return UnsafePointer(p)
    }

    deinit {
        for (k, p) in chunks.enumerated() {
            p.deinitialize(count: k == chunks.count - 1 ? used : chunkSize)
            p.deallocate()
        }
    }
}

/// Every word a language pack knows (the keys of its class table), with the texts of
/// punctuation: built once with the pack and never changed after, so the threads of a batch
/// share it. A known word costs the tokenizer one probe; its text is the pack's own string.
final class WordLexicon: @unchecked Sendable {
    let words: WordTable
    /// The empty text (a quotation token's).
    let empty: UnsafePointer<String>
    /// One-character strings of ASCII, by byte.
    let ascii: [UnsafePointer<String>]
    private let arena: TextArena

    init(_ table: [String: WordClass]) {
        // A token is lowercased before it is looked up: a key with capitals is never found.
        let arena = TextArena(chunkSize: table.count + 129)
        empty = arena.add("")
        ascii = (0..<128).map { arena.add(String(Character(Unicode.Scalar(UInt8($0))))) }
        var words = WordTable(capacity: table.count)
        for (key, cls) in table {
            let plain = key.utf8.allSatisfy { $0 < 0x80 }
            guard plain ? !key.utf8.contains(where: { $0 &- 0x41 < 26 }) : key.lowercased().utf8.elementsEqual(key.utf8) else { continue }
            var k = key
            k.withUTF8 { bytes in
                let source = Source(bytes: bytes)
                let wordKey = WordKey(source, 0, bytes.count)
                let slot = words.find(source, 0, wordKey).slot
                _ = words.insert(source, 0, wordKey, slot: slot, text: arena.add(key), cls: cls,
                                 abbreviation: key.utf8.contains(0x2E) || cls.contains(.abbreviation))
            }
        }
        self.words = words
        self.arena = arena
    }
}

/// One article's spellings, each classed once: from the pack's lexicon when it knows the
/// word, else lowercased and looked up in the pack's tables; and its punctuation outside ASCII.
struct ArticleWords {
    private var table = WordTable()
    private let arena = TextArena()

    /// The entry of the word at `start` with key `key`, made the first time.
    @inline(__always)
    mutating func word(_ source: Source, _ start: Int, _ key: WordKey, lexicon: WordLexicon, pack: LanguagePack) -> WordTable.Entry {
        let (found, slot) = table.find(source, start, key)
        if let e = found { return table[e] }
        let e = add(source, start, key, slot: slot, lexicon: lexicon, pack: pack)
        return table[e]
    }

    private mutating func add(_ source: Source, _ start: Int, _ key: WordKey, slot: Int, lexicon: WordLexicon, pack: LanguagePack) -> Int {
        if let k = lexicon.words.find(source, start, key).entry {
            let known = lexicon.words[k]
            return table.insert(source, start, key, slot: slot, text: known.text, cls: known.cls, abbreviation: known.abbreviation)
        }
        let lower = SentenceTokenizer.lowercased(source, start, start + key.count)
        let cls = pack.classes(lower)
        return table.insert(source, start, key, slot: slot, text: arena.add(lower), cls: cls,
                            abbreviation: lower.utf8.contains(0x2E) || cls.contains(.abbreviation))
    }

    /// The text of the punctuation mark `s` at `start..<end` (a scalar outside ASCII), made the first time.
    mutating func mark(_ source: Source, _ start: Int, _ end: Int, _ s: Unicode.Scalar) -> UnsafePointer<String> {
        // A mark is no word: no word starts with a scalar that is not word-like, so the keys never meet.
        let key = WordKey(source, start, end)
        let (found, slot) = table.find(source, start, key)
        if let e = found { return table[e].text }
        let e = table.insert(source, start, key, slot: slot, text: arena.add(String(Character(s))), cls: [], abbreviation: false)
        return table[e].text
    }
}
