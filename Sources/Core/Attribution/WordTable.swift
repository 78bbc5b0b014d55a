/// A spelling's key: its first eight bytes packed in an integer, the next eight in another,
/// its length and a hash of all its bytes, ASCII capitals folded ("The" and "the" are one key). Folding only ASCII
/// capitals keeps a key's lowercased form one string: lowering a word lowers its ASCII
/// letters the same way whatever surrounds them. Made eight bytes at a time.
struct WordKey {
    var hash: UInt64
    var prefix: UInt64
    /// Bytes 8 to 15 (0 for a key of eight bytes or fewer): a key of sixteen bytes or fewer
    /// is its prefix, these and its count, compared without reading the text.
    var second: UInt64 = 0
    var count: Int
    /// No byte of 0x80 and above.
    var isASCII: Bool

    /// The hash of a key of eight bytes or fewer: its prefix and count. A longer key's next
    /// eight bytes at a time are mixed in by `mixed`.
    @inline(__always) static func hash(prefix: UInt64, count: Int) -> UInt64 { (prefix ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15 }

    /// `h` with the next eight bytes of the key (folded) mixed in.
    @inline(__always) static func mixed(_ h: UInt64, _ chunk: UInt64) -> UInt64 { (h ^ (h >> 29) ^ chunk) &* 0x9E37_79B9_7F4A_7C15 }

    /// An ASCII capital as its small letter; any other byte as it is.
    @inline(__always) static func folded(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Eight bytes with their ASCII capitals folded: a byte's top bit is set by adding 0x3F
    /// when it is 0x41 or more, by adding 0x25 when it is 0x5B or more (top bits cleared
    /// first, so no addition carries into the next byte); a capital adds 0x20.
    @inline(__always) static func folded(_ x: UInt64) -> UInt64 {
        let low = x & ~Bytes8.highs
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~x & Bytes8.highs
        return x | (capitals >> 2)
    }

    /// The bytes `start..<start + n` (n at most 8) as an integer, first byte lowest.
    @inline(__always) static func load(_ source: Source, _ start: Int, _ n: Int) -> UInt64 {
        if start + 8 <= source.count, let base = source.bytes.baseAddress {
            let x = Bytes8.load(base + start)
            return n == 8 ? x : x & ((1 << (UInt64(n) << 3)) - 1)
        }
        var x: UInt64 = 0
        for k in 0..<n { x |= UInt64(source[start + k]) << (UInt64(k) << 3) }
        return x
    }

    /// How many of the eight bytes of `x` (the first lowest) are ASCII letters or digits
    /// before the first that is not. A letter's top bit is set by adding 0x1F to it made
    /// small (0x20 set) from a on, 0x05 from z + 1 on; a digit's by adding 0x50 from 0 on,
    /// 0x46 from 9 + 1 on; bytes of 0x80 and above are neither. The top bits are not cleared
    /// first: only the bytes up to the first that is not a letter or digit count, and those
    /// before it (below 0x7B) carry nothing into the next.
    @inline(__always) static func alphanumerics(_ x: UInt64) -> Int {
        let small = x | 0x2020_2020_2020_2020
        let letters = (small &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(small &+ 0x0505_0505_0505_0505)
        let digits = (x &+ 0x5050_5050_5050_5050) & ~(x &+ 0x4646_4646_4646_4646)
        let other = ~((letters | digits) & ~x) & Bytes8.highs
        return other == 0 ? 8 : other.trailingZeroBitCount >> 3
    }

    /// The key of a word of `count` (1 to 8) ASCII letters and digits, the first `count` bytes
    /// of `x`: the same key as from its bytes. Folding them is setting 0x20 in each byte: it
    /// makes a capital small and is set in small letters and digits already.
    @inline(__always) init(alphanumerics x: UInt64, count: Int) {
        self.count = count
        prefix = (x | 0x2020_2020_2020_2020) & (UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- count) &<< 3))
        hash = Self.hash(prefix: prefix, count: count)
        isASCII = true
    }

    /// The key of a word of `count` (9 to 16) ASCII letters and digits: its first eight
    /// bytes `x`, the rest the first `count - 8` bytes of `x2`; the same key as from its bytes
    /// (`init(long:)`).
    @inline(__always) init(alphanumerics x: UInt64, _ x2: UInt64, count: Int) {
        self.count = count
        prefix = x | 0x2020_2020_2020_2020
        let rest = (x2 | 0x2020_2020_2020_2020) & (UInt64.max &>> UInt64(truncatingIfNeeded: (16 &- count) &<< 3))
        hash = Self.mixed(Self.hash(prefix: prefix, count: count), rest)
        second = rest
        isASCII = true
    }

    @inline(__always) init(_ source: Source, _ start: Int, _ end: Int) {
        // Most words fit in eight bytes: one load, no loop.
        if end &- start <= 8, start &+ 8 <= source.count {
            self.init(short: source, start, end)
        } else if end &- start <= 16, start &+ 16 <= source.count {
            self.init(medium: source, start, end)
        } else {
            self.init(long: source, start, end)
        }
    }

    /// A key of nine to sixteen bytes with sixteen bytes readable from `start`: two loads, the
    /// same key as `init(long:)` makes.
    @inline(__always) private init(medium source: Source, _ start: Int, _ end: Int) {
        count = end &- start
        let base = source.bytes.baseAddress! + start
        let x = Bytes8.load(base)
        let rest = Bytes8.load(base + 8) & (UInt64.max &>> UInt64(truncatingIfNeeded: (16 &- count) &<< 3))
        prefix = Self.folded(x)
        second = Self.folded(rest)
        hash = Self.mixed(Self.hash(prefix: prefix, count: count), second)
        isASCII = (x | rest) & Bytes8.highs == 0
    }

    /// A key of at most eight bytes with eight bytes readable from `start`.
    @inline(__always) private init(short source: Source, _ start: Int, _ end: Int) {
        count = end - start
        let x = UInt64(littleEndian: UnsafeRawPointer(source.bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
        let chunk = count == 8 ? x : x & ((1 << (UInt64(count) << 3)) - 1)
        prefix = Self.folded(chunk)
        hash = Self.hash(prefix: prefix, count: count)
        isASCII = chunk & Bytes8.highs == 0
    }

    @inline(never) private init(long source: Source, _ start: Int, _ end: Int) {
        count = end - start
        var chunk = Self.load(source, start, min(count, 8))
        var high = chunk & Bytes8.highs
        prefix = Self.folded(chunk)
        var h = Self.hash(prefix: prefix, count: count)
        var k = start + 8
        while k < end {
            chunk = Self.load(source, k, min(end - k, 8))
            high |= chunk & Bytes8.highs
            let folded = Self.folded(chunk)
            if k == start + 8 { second = folded }
            h = Self.mixed(h, folded)
            k += 8
        }
        hash = h
        isASCII = high == 0
    }
}

/// Spellings by their `WordKey`, each with its lowercased text and its word classes.
///
/// Looking a word up compares its key (no `String`, no SipHash) and, past sixteen bytes, the
/// rest of its bytes. Two tables use it: a language pack's `WordLexicon` (every word the
/// pack knows, built once) and an article's own spellings (`ArticleWords`).
///
/// A class over memory of its own, not arrays: the tokenizer's loop keeps a `Probe` of the
/// slots in registers and reads them in place, where an array inside a value is read again
/// through its owner after every token it writes (it might have changed). Its owner is one
/// article's tokenizer or the pack (which only reads it once built).
final class WordTable {
    /// A spelling in its slot: the key's parts a probe compares and what a token takes, in 32
    /// bytes (one cache line holds two). The entries stand in the slots themselves: a word
    /// found reads one line, where an entry number in the slot and the entry elsewhere cost
    /// two random reads per token once a long article's spellings outgrow the cache.
    struct Entry {
        var prefix: UInt64
        /// A key of sixteen bytes or fewer: its bytes 8 to 15 (`WordKey.second`). A longer
        /// one: the top half of its hash (its slot, compared before its bytes), and below it
        /// where its bytes past the eighth are (`start`: its offset in the text the table is
        /// asked about, or in `tails`).
        var second: UInt64
        /// Nil in an empty slot.
        private var storedText: UnsafePointer<String>?
        /// The key's count (bits 0–30; 0 in an empty slot, and no key is empty) and whether
        /// the word followed by a period is an abbreviation (bit 31) whatever its case: it
        /// has a period inside ("u.s") or is a known abbreviation.
        private var bits: UInt32
        var cls: WordClass

        static let abbreviationBit: UInt32 = 1 << 31

        init(_ key: WordKey, start: Int, text: UnsafePointer<String>, cls: WordClass, abbreviation: Bool) {
            prefix = key.prefix
            second = key.count <= 16 ? key.second : key.hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: start))
            storedText = text
            bits = UInt32(truncatingIfNeeded: key.count) | (abbreviation ? Self.abbreviationBit : 0)
            self.cls = cls
        }

        /// The lowercased text, at a fixed address (see `TextArena`).
        var text: UnsafePointer<String> { storedText.unsafelyUnwrapped }
        var abbreviation: Bool { bits & Self.abbreviationBit != 0 }
        /// The key's count, 0 for an empty slot.
        var count: Int { Int(bits & ~Self.abbreviationBit) }
        /// Where a long key's bytes are (see `second`).
        var start: Int { Int(UInt32(truncatingIfNeeded: second)) }

        /// The key's hash, or (past sixteen bytes) its top half: enough for its slot, whose
        /// number takes at most 32 bits.
        var hash: UInt64 {
            let n = count
            if n > 16 { return second & 0xFFFF_FFFF_0000_0000 }
            let h = WordKey.hash(prefix: prefix, count: n)
            return n <= 8 ? h : WordKey.mixed(h, second)
        }
    }

    /// The slots as they stand, to be read without going through the table: good until the
    /// next insertion (which may move them).
    struct Probe {
        let slots: UnsafePointer<Entry>
        let mask: Int
        let shift: UInt64

        @inline(__always) func firstSlot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h &>> shift) }

        /// The slot of a key of sixteen bytes or fewer (its prefix, `second` and count are
        /// the whole key; `second` is 0 in every key of eight bytes or fewer), or the empty
        /// slot where it goes. A slot is compared before it is asked whether it is empty (a
        /// word found, the common case, skips that test): an empty slot's count is 0, and no
        /// key looked up is empty.
        @inline(__always) func find(upTo16 key: WordKey) -> (entry: Int?, slot: Int) {
            var slot = firstSlot(key.hash)
            while true {
                let n = slots[slot].count
                if slots[slot].prefix == key.prefix && slots[slot].second == key.second && n == key.count { return (slot, slot) }
                if n == 0 { return (nil, slot) }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Open addressing: `mask + 1` slots, `count` of them holding an entry, at most three in
    /// four (with 32-byte slots, a lower load costs memory; a probe past its first slot reads
    /// on in the same or the next cache line).
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Entry>
    @exclusivity(unchecked) private(set) var count = 0
    /// The bytes of keys longer than sixteen bytes, past the eighth, ASCII capitals folded.
    @exclusivity(unchecked) private var tails: [UInt8] = []
    @exclusivity(unchecked) private var mask: Int
    /// 64 minus the bits of a slot number: a key's first slot is the top bits of its hash
    /// (a multiplicative hash keeps its best-mixed bits there).
    @exclusivity(unchecked) private var shift: UInt64
    /// Every spelling comes from the one text the table is asked about (an article's): a long
    /// key's bytes are read again where the spelling first stood (`Entry.start` is its offset
    /// there) instead of being copied into `tails`.
    private let tailsInSource: Bool

    /// Room for `capacity` entries before the table grows.
    init(capacity: Int = 1024, tailsInSource: Bool = false) {
        self.tailsInSource = tailsInSource
        var n = 64
        while n * 3 < capacity * 4 { n <<= 1 }
        slots = Self.emptySlots(n)
        mask = n - 1
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    deinit { UnsafeMutableRawPointer(slots).deallocate() }

    /// `n` empty slots, zeroed at once (an article's table is made for every article of a
    /// batch), on a cache line's boundary: no entry straddles two lines.
    private static func emptySlots(_ n: Int) -> UnsafeMutablePointer<Entry> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Entry>.stride, alignment: 64)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: n * MemoryLayout<Entry>.stride)
        return raw.bindMemory(to: Entry.self, capacity: n)
    }

    var probe: Probe { Probe(slots: slots, mask: mask, shift: shift) }

    /// The slot of the word at `start` with key `key`, or the empty slot where it goes.
    @inline(__always)
    func find(_ source: Source, _ start: Int, _ key: WordKey) -> (entry: Int?, slot: Int) {
        find(probe, source, start, key)
    }

    /// `find` through `probe` (taken since the last insertion). `mask` is the slot count - 1:
    /// no slot falls outside.
    @inline(__always)
    func find(_ probe: Probe, _ source: Source, _ start: Int, _ key: WordKey) -> (entry: Int?, slot: Int) {
        if key.count <= 16 { return probe.find(upTo16: key) }
        var slot = probe.firstSlot(key.hash)
        let top = key.hash & 0xFFFF_FFFF_0000_0000
        while true {
            let n = probe.slots[slot].count
            if n == 0 { return (nil, slot) }
            if probe.slots[slot].prefix == key.prefix, n == key.count, probe.slots[slot].second & 0xFFFF_FFFF_0000_0000 == top,
               equalTail(probe.slots[slot].start, source, start, n) { return (slot, slot) }
            slot = (slot &+ 1) & probe.mask
        }
    }

    /// Adds the word at `start` with key `key` (not empty) at `slot` (from a `find` that did
    /// not find it), and gives back its entry.
    func insert(_ source: Source, _ start: Int, _ key: WordKey, slot: Int,
                text: UnsafePointer<String>, cls: WordClass, abbreviation: Bool) -> Entry {
        let entry = Entry(key, start: tailsInSource ? start : tails.count, text: text, cls: cls, abbreviation: abbreviation)
        if key.count > 16 && !tailsInSource {
            let from = tails.count
            tails.append(contentsOf: UnsafeBufferPointer(rebasing: source.bytes[start + 8..<start + key.count]))
            tails.withUnsafeMutableBufferPointer { tail in
                for k in from..<tail.count { tail[k] = WordKey.folded(tail[k]) }
            }
        }
        slots[slot] = entry
        count += 1
        if count * 4 > (mask + 1) * 3 { grow() }
        return entry
    }

    /// The entry in slot `e` (from `find`, so in bounds).
    subscript(e: Int) -> Entry { slots[e] }

    /// Whether the bytes of the entry whose bytes are at `first` (see `Entry.second`) past the
    /// eighth equal those at `start + 8..<start + n`, ASCII capitals folded; eight at a time
    /// where eight can be read.
    @inline(__always) private func equalTail(_ first: Int, _ source: Source, _ start: Int, _ n: Int) -> Bool {
        if tailsInSource {
            var k = 8
            if let base = source.bytes.baseAddress {
                while k < n && max(first, start) &+ k &+ 8 <= source.count {
                    let keep = n &- k >= 8 ? UInt64.max : (1 &<< (UInt64(truncatingIfNeeded: n &- k) &<< 3)) &- 1
                    if (WordKey.folded(Bytes8.load(base + first + k)) ^ WordKey.folded(Bytes8.load(base + start + k))) & keep != 0 { return false }
                    k &+= 8
                }
            }
            while k < n {
                if WordKey.folded(source[first + k]) != WordKey.folded(source[start + k]) { return false }
                k += 1
            }
            return true
        }
        let base = first - 8
        return tails.withUnsafeBufferPointer { tail in
            for k in 8..<n where tail[base + k] != WordKey.folded(source[start + k]) { return false }
            return true
        }
    }

    private func grow() {
        let old = slots, oldCount = mask + 1
        let n = oldCount * 2
        slots = Self.emptySlots(n)
        mask = n - 1
        shift = UInt64(64 - n.trailingZeroBitCount)
        for k in 0..<oldCount where old[k].count != 0 {
            var slot = Int(truncatingIfNeeded: old[k].hash &>> shift)
            while slots[slot].count != 0 { slot = (slot + 1) & mask }
            slots[slot] = old[k]
        }
        UnsafeMutableRawPointer(old).deallocate()
    }
}

/// Strings that never move once added, freed with the arena: a token points at its text
/// here, so a token is plain data (copied without reference counting). Whoever reads a
/// token's text keeps the arena alive meanwhile, as `Source`'s bytes outlive the stages.
final class TextArena {
    // Only its owner (one article's tokenizer, one thread) adds: no access to check at run time.
    @exclusivity(unchecked) private var chunks: [UnsafeMutablePointer<String>] = []
    /// Strings in the last chunk.
    @exclusivity(unchecked) private var used = 0
    private let chunkSize: Int

    init(chunkSize: Int = 512) { self.chunkSize = chunkSize }

    func add(_ s: consuming String) -> UnsafePointer<String> {
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
    /// An ASCII spelling it lacks is in no list of the table, only maybe a compound with a
    /// title suffix. A dictionary of strings matches canonically equivalent text, and a
    /// key could only equal ASCII text through U+037E, U+1FEF or U+212A (the scalars whose
    /// canonical decomposition is ASCII): false if a key holds one.
    let holdsEveryASCIIKey: Bool

    init(_ table: [String: WordClass]) {
        // A token is lowercased before it is looked up: a key with capitals is never found.
        let arena = TextArena(chunkSize: table.count + 129)
        empty = arena.add("")
        ascii = (0..<128).map { arena.add(String(Character(Unicode.Scalar(UInt8($0))))) }
        let words = WordTable(capacity: table.count)
        var holdsEvery = true
        for (key, cls) in table {
            var k = key
            k.withUTF8 { bytes in
                // One pass over the bytes: any outside ASCII, any ASCII capital, any period, and
                // U+037E (CD BE), U+1FEF (E1 BF AF), U+212A (E2 84 AA).
                var plain = true, capital = false, dotted = false
                for (n, b) in bytes.enumerated() {
                    if b >= 0x80 {
                        plain = false
                        if (b == 0xCD && n + 1 < bytes.count && bytes[n + 1] == 0xBE)
                            || (b == 0xE1 && n + 2 < bytes.count && bytes[n + 1] == 0xBF && bytes[n + 2] == 0xAF)
                            || (b == 0xE2 && n + 2 < bytes.count && bytes[n + 1] == 0x84 && bytes[n + 2] == 0xAA) { holdsEvery = false }
                    } else if b &- 0x41 < 26 { capital = true }
                    else if b == 0x2E { dotted = true }
                }
                // A word of no bytes is never looked up (every token covers a byte), and a slot
                // of count 0 is empty.
                guard !bytes.isEmpty, plain ? !capital : key.lowercased().utf8.elementsEqual(key.utf8) else { return }
                let source = Source(bytes: bytes)
                let wordKey = WordKey(source, 0, bytes.count)
                let slot = words.find(source, 0, wordKey).slot
                _ = words.insert(source, 0, wordKey, slot: slot, text: arena.add(key), cls: cls,
                                 abbreviation: dotted || cls.contains(.abbreviation))
            }
        }
        holdsEveryASCIIKey = holdsEvery
        self.words = words
        self.arena = arena
    }

    /// The entry of the word at `start` with key `key`, if the pack knows it (read in place,
    /// without copying the table out).
    @inline(__always) func entry(_ source: Source, _ start: Int, _ key: WordKey) -> WordTable.Entry? {
        guard let e = words.find(source, start, key).entry else { return nil }
        return words[e]
    }
}

/// One article's spellings, each classed once: from the pack's lexicon when it knows the
/// word, else lowercased and looked up in the pack's tables; and its punctuation outside ASCII.
struct ArticleWords {
    private let table: WordTable
    private let arena = TextArena()

    /// Room for `capacity` spellings before the table grows.
    init(capacity: Int) { table = WordTable(capacity: capacity, tailsInSource: true) }

    /// The entry of the word at `start` with key `key`, made the first time.
    @inline(__always)
    mutating func word(_ source: Source, _ start: Int, _ key: WordKey, lexicon: WordLexicon, pack: LanguagePack) -> WordTable.Entry {
        let (found, slot) = table.find(source, start, key)
        if let e = found { return table[e] }
        return add(source, start, key, slot: slot, lexicon: lexicon, pack: pack)
    }

    /// The table as it stands (see `WordTable.Probe`).
    var probe: WordTable.Probe { table.probe }

    /// `word`, looked up through `probe`, which is taken again when the word is new.
    @inline(__always)
    mutating func word(_ source: Source, _ start: Int, _ key: WordKey, probe: inout WordTable.Probe,
                       lexicon: WordLexicon, pack: LanguagePack) -> WordTable.Entry {
        let (found, slot) = table.find(probe, source, start, key)
        if let e = found { return probe.slots[e] }
        return added(source, start, key, slot: slot, probe: &probe, lexicon: lexicon, pack: pack)
    }

    /// The entry of a spelling `find` did not find (at `slot`), made; `probe` is taken again.
    /// Out of line: the tokenizer's loop keeps only the look-up.
    @inline(never)
    mutating func added(_ source: Source, _ start: Int, _ key: WordKey, slot: Int, probe: inout WordTable.Probe,
                        lexicon: WordLexicon, pack: LanguagePack) -> WordTable.Entry {
        let e = add(source, start, key, slot: slot, lexicon: lexicon, pack: pack)
        probe = table.probe
        return e
    }

    private mutating func add(_ source: Source, _ start: Int, _ key: WordKey, slot: Int, lexicon: WordLexicon, pack: LanguagePack) -> WordTable.Entry {
        if let known = lexicon.entry(source, start, key) {
            return table.insert(source, start, key, slot: slot, text: known.text, cls: known.cls, abbreviation: known.abbreviation)
        }
        // An ASCII word of eight bytes or fewer is its key's prefix (capitals folded); a longer
        // one is its bytes folded the same way (lowering ASCII is folding its capitals).
        let lower = key.isASCII ? Self.folded(source, start, key)
            : SentenceTokenizer.lowercased(source, start, start + key.count)
        // An ASCII spelling the lexicon lacks is only maybe a compound with a title suffix: in
        // no class when the pack has none.
        let cls = key.isASCII && lexicon.holdsEveryASCIIKey ? (pack.titleSuffixes.isEmpty ? .empty : pack.suffixClasses(lower))
            : pack.classes(lower)
        // Lowering keeps the periods where they are.
        let dotted = key.count <= 8 ? Bytes8.bytes(key.prefix, equalTo: 0x2E) != 0
            : source.contains(0x2E, in: TextRange(start, start + key.count))
        return table.insert(source, start, key, slot: slot, text: arena.add(lower), cls: cls,
                            abbreviation: dotted || cls.contains(.abbreviation))
    }

    /// The ASCII spelling at `start` with key `key`, its capitals folded: the key's prefix
    /// for eight bytes or fewer, else eight bytes folded at a time. (Written into the string
    /// made to its length: a short one in ASCII is taken as it is, where a string decoded
    /// from bytes checks them and copies them one by one.)
    static func folded(_ source: Source, _ start: Int, _ key: WordKey) -> String {
        let n = key.count
        if n <= 8 {
            return String(unsafeUninitializedCapacity: n) { buffer in
                guard let to = buffer.baseAddress else { return 0 }
                withUnsafeBytes(of: key.prefix.littleEndian) { UnsafeMutableRawPointer(to).copyMemory(from: $0.baseAddress!, byteCount: n) }
                return n
            }
        }
        return String(unsafeUninitializedCapacity: n) { buffer in
            guard let to = buffer.baseAddress, let from = source.bytes.baseAddress else { return 0 }
            var k = 0
            while k + 8 <= n {
                UnsafeMutableRawPointer(to + k).storeBytes(of: WordKey.folded(Bytes8.load(from + start + k)).littleEndian, as: UInt64.self)
                k += 8
            }
            while k < n { to[k] = WordKey.folded(from[start + k]); k += 1 }
            return n
        }
    }

    /// The text of the punctuation mark `s` at `start..<end` (a scalar outside ASCII), made the first time.
    mutating func mark(_ source: Source, _ start: Int, _ end: Int, _ s: Unicode.Scalar) -> UnsafePointer<String> {
        // A mark is no word: no word starts with a scalar that is not word-like, so the keys never meet.
        let key = WordKey(source, start, end)
        let (found, slot) = table.find(source, start, key)
        if let e = found { return table[e].text }
        return table.insert(source, start, key, slot: slot, text: arena.add(String(Character(s))), cls: [], abbreviation: false).text
    }
}
