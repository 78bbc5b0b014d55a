/// One token of a sentence as the attribution rules see it: a word, a punctuation mark, or
/// a whole quotation (its words are hidden from the rules: names inside a quotation never
/// become its speaker).
///
/// Plain data: the text is a pointer into the tokenizer's word table or the pack's lexicon,
/// so copying a token costs no reference counting. A token is read while the tokenizer that
/// made it lives (one `SpeakerAttributor.attribute`), as `Source`'s bytes live through the parse.
struct Token {
    enum Kind: UInt8 { case word, punct, quote }
    var kind: Kind
    var isCapitalized: Bool
    /// Bytes of the possessive ending ("’s" 4, "'s" 2, "’" 3, "'" 1), 0 for none.
    var possessiveBytes: UInt8 = 0
    var range: TextRange
    /// For `.quote`: index into the attributor's list of marked quotations.
    var quote: Int
    /// The word lists `lower` and `bare` belong to.
    var cls = WordClass.empty
    var bareCls = WordClass.empty
    private let text: UnsafePointer<String>

    init(kind: Kind, range: TextRange, text: UnsafePointer<String>, isCapitalized: Bool, quote: Int,
         cls: WordClass = .empty, bareCls: WordClass = .empty, possessiveBytes: UInt8 = 0) {
        self.kind = kind
        self.range = range
        self.text = text
        self.isCapitalized = isCapitalized
        self.quote = quote
        self.cls = cls
        self.bareCls = bareCls
        self.possessiveBytes = possessiveBytes
    }

    /// Lowercased text (words and punctuation); for a quotation, empty.
    var lower: String { text.pointee }

    var isPossessive: Bool { possessiveBytes > 0 }

    /// Lowercased text without a possessive ending (Russia’s → russia), made when asked.
    var bare: String {
        possessiveBytes == 0 ? lower : String(decoding: lower.utf8.dropLast(Int(possessiveBytes)), as: UTF8.self)
    }

    var isWord: Bool { kind == .word }
    func isPunct(_ s: String) -> Bool { kind == .punct && lower == s }
}

/// Growing storage for the tokens of one sentence, written through a pointer: an array's
/// append makes sure of its storage on every call, out of line. Only its tokenizer (one
/// article, one thread) writes to it.
final class TokenBuffer {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Token>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) var count = 0

    init(capacity: Int = 256) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    @inline(__always) func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count &+= 1
    }

    /// Where tokens are written: `count` of them in room for `capacity`.
    var storage: UnsafeMutablePointer<Token> { base }

    /// Room for `n` tokens in all.
    func reserve(_ n: Int) {
        while capacity < n { grow() }
    }

    @inline(never) func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// The array handed out last time, kept to be refilled: the caller has let go of it by
    /// the next sentence, so refilling it allocates nothing (were it still held, refilling
    /// would copy it first, as any array's mutation does).
    @exclusivity(unchecked) private var reused: [Token] = []

    /// The tokens made, as an array of their own.
    var tokens: [Token] {
        reused.replaceSubrange(0..<reused.count, with: UnsafeBufferPointer(start: base, count: count))
        return reused
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// A `TokenBuffer` held in locals by a loop that writes many tokens: its fields are read
/// once and written back once (`close`), not again after every token (a token written
/// through a pointer might, as far as the compiler knows, have changed them). A token is
/// written without a check: the buffer has room for every token of the sentence already
/// (`SentenceTokenizer.tokens` makes room for one per byte of it).
struct TokenWriter {
    /// (Not retained: the tokenizer that owns the buffer holds it while its loop writes.)
    unowned(unsafe) let buffer: TokenBuffer
    private let base: UnsafeMutablePointer<Token>
    private var count: Int

    init(_ buffer: TokenBuffer) {
        self.buffer = buffer
        base = buffer.storage
        count = buffer.count
    }

    @inline(__always) mutating func append(_ token: Token) {
        (base + count).initialize(to: token)
        count &+= 1
    }

    /// The tokens written, handed back to the buffer.
    func close() { buffer.count = count }
}

extension TextRange {
    /// `TextRange(start, end)` without its checked conversions, for offsets inside a `Source`
    /// (at most 1 GB, well inside 32 bits): the tokenizer makes one for every token, and the
    /// checks cost nine instructions each. The two 32-bit bounds in their declared order.
    @inline(__always) init(inSource start: Int, _ end: Int) {
        self = unsafeBitCast((Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end)), to: TextRange.self)
    }
}

/// Splits a sentence into tokens, folding each top-level quotation into one token.
struct SentenceTokenizer {
    let pack: LanguagePack
    /// The pack's words, hashed by their bytes.
    private let lexicon: WordLexicon
    /// The article's spellings the pack does not know, lowercased and classed once each.
    private var words = ArticleWords(capacity: 0)
    /// Whether `words` was sized for the article yet (at its first sentence).
    private var sized = false
    /// Where a sentence's tokens are made; the next sentence reuses it.
    private let buffer = TokenBuffer()

    init(pack: LanguagePack) {
        self.pack = pack
        lexicon = pack.lexicon
    }

    /// `quotes`: top-level marked quotations as (outer range, index), sorted by start.
    mutating func tokens(_ source: Source, sentence: TextRange, quotes: [(TextRange, Int)], firstQuote: inout Int) -> [Token] {
        let out = buffer
        out.count = 0
        // Every token covers a byte of the sentence of its own: room for them all, made once.
        out.reserve(sentence.end - sentence.start)
        if !sized {
            // News brings about one new spelling per ten bytes in a short article and one per
            // hundred in a long one: room for them from the start, and no big table to clear
            // for each short article of a batch. A language's spellings level off (all of
            // PolNeAR has fewer than 65,536), so the room stops at 49,152 (a table of 65,536
            // slots, 2 MB) and a larger vocabulary grows the table: 50 MB of news would otherwise
            // clear and keep 32 MB of slots for half a million spellings it never brings.
            words = ArticleWords(capacity: min(source.count / 8, 1024 + source.count / 100, 49_152))
            sized = true
        }
        var i = sentence.start
        var q = firstQuote
        while q < quotes.count && quotes[q].0.end <= sentence.start { q += 1 }
        firstQuote = q
        var k = q
        // Where the next quotation may start: the quotations are looked at again only there.
        var nextQuote = i
        while i < sentence.end {
            // A quotation covering this point becomes one token. Top-level quotations do not
            // overlap and come in order, so one pointer walks them with the text.
            if i >= nextQuote {
                while k < quotes.count && quotes[k].0.end <= i { k += 1 }
                if k < quotes.count && quotes[k].0.start <= i {
                    let (outer, index) = quotes[k]
                    let end = min(outer.end, sentence.end)
                    out.append(Token(kind: .quote, range: TextRange(max(outer.start, sentence.start), end), text: lexicon.empty,
                                     isCapitalized: false, quote: index))
                    i = end
                    continue
                }
                nextQuote = k < quotes.count ? quotes[k].0.start : Int.max
            }
            // ASCII, the common case, sorted without decoding a scalar: white space is skipped,
            // a letter or digit starts a word, anything else is a mark.
            let b0 = source[i]
            if b0 < 0x80 {
                // Plain ASCII words, marks and spaces, many at a time; what they are not comes here.
                let next = plainWords(source, from: i, end: sentence.end, before: nextQuote)
                if next > i { i = next; continue }
            }
            let asciiWordStart = b0 &- 0x30 < 10 || (b0 | 0x20) &- 0x61 < 26
            if b0 < 0x80 && !asciiWordStart {
                if Source.isSpaceByte(b0) { i += 1; continue }
                out.append(Token(kind: .punct, range: TextRange(i, i + 1), text: lexicon.ascii[Int(b0)],
                                 isCapitalized: false, quote: -1))
                i += 1
                continue
            }
            let (s, n) = asciiWordStart ? (Unicode.Scalar(b0), 1) : source.scalar(at: i)
            // General Punctuation (U+2000–U+206F: dashes, quotation marks, spaces) holds no letter
            // or digit: a scalar there is white space, an invisible format or a mark, told apart
            // without the property tables.
            if Unicode.Scalar.isGeneralPunctuation(s.value) {
                if Unicode.Scalar.isGeneralPunctuationSpace(s) || s.isInvisibleFormat { i += n; continue }
                out.append(Token(kind: .punct, range: TextRange(i, i + n), text: words.mark(source, i, i + n, s),
                                 isCapitalized: false, quote: -1))
                i += n
                continue
            }
            if !asciiWordStart && (s.isSpaceLike || s.value == 0xA0 || s.isInvisibleFormat) { i += n; continue }
            if asciiWordStart || s.isWordLike {
                let start = i
                var j = i
                var endEntry: WordTable.Entry?
                while j < sentence.end {
                    // ASCII letters and digits, the common case: eight bytes at a time, then one by one.
                    if j + 8 <= sentence.end {
                        let run = source.asciiAlphanumerics(at: j)
                        j += run
                        if run == 8 { continue }
                    }
                    let b = source[j]
                    if b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 { j += 1; continue }
                    // Any other ASCII byte but an apostrophe, a hyphen or a period ends the word.
                    if b < 0x80 && b != 0x27 && b != 0x2D && b != 0x2E { break }
                    let (c, m) = source.scalar(at: j)
                    // General Punctuation (U+2000–U+206F: quotation marks, dashes, spaces) holds no
                    // letter, diacritic or mark: its scalars skip the property look-ups.
                    let generalPunctuation = c.value >= 0x2000 && c.value <= 0x206F
                    if !generalPunctuation && (c.isWordLike
                        || (c.value >= 0x300 && Unicode.Scalar.isDiacriticOrMark(c))) {
                        j += m; continue
                    }
                    // A bidi control or joiner inside a word keeps it whole ("Anna\u{2067}Berg").
                    if c.isInvisibleFormat, j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                    // Inner apostrophes, hyphens and periods keep a word whole (Russia’s, co-host, U.S.).
                    if c == "'" || c == "\u{2019}" || c == "-" || c == "." || c == "\u{2010}" || c == "\u{2011}" {
                        if j + m < sentence.end, source.scalar(at: j + m).0.isWordLike { j += m; continue }
                        if c == "." {
                            // The word's entry, looked up to ask, serves the word when it ends here.
                            let (abbreviation, entry) = isAbbreviation(source, start, j)
                            if abbreviation { j += m } else { endEntry = entry }
                        }
                        // s’ possessive (the Passengers’ Alliance)
                        else if (c == "'" || c == "\u{2019}"), j > start, source[j - 1] == 0x73 || source[j - 1] == 0x53,
                                j + m < sentence.end, source.scalar(at: j + m).0.isSpaceLike { j += m }
                        break
                    }
                    break
                }
                let e = endEntry ?? word(source, start, WordKey(source, start, j))
                let bareEnd = Self.bareEnd(source, start, j)
                let possessive = bareEnd < j && bareEnd > start
                var bareCls = e.cls
                if possessive { bareCls = word(source, start, WordKey(source, start, bareEnd)).cls }
                out.append(Token(kind: .word, range: TextRange(start, j), text: e.text,
                                 isCapitalized: s.isUppercaseLike, quote: -1,
                                 cls: e.cls, bareCls: bareCls, possessiveBytes: possessive ? UInt8(j - bareEnd) : 0))
                i = j
                continue
            }
            out.append(Token(kind: .punct, range: TextRange(i, i + n),
                             text: s.value < 0x80 ? lexicon.ascii[Int(s.value)] : words.mark(source, i, i + n, s),
                             isCapitalized: false, quote: -1))
            i += n
        }
        return out.tokens
    }

    /// The common tokens, from `start` on, as the general loop in `tokens` makes them: ASCII
    /// white space skipped, ASCII marks, and words of up to sixteen ASCII letters and digits,
    /// each found from one or two eight-byte loads, that end the sentence or stop before an
    /// ASCII byte other than an apostrophe or a hyphen, or before a period followed by no
    /// letter or digit. The general loop reads such a word the same way (it stops where this
    /// stops; a period after it stays a token of its own unless the word is an abbreviation
    /// of more than one letter, which takes it) and finds no possessive ending in it (every
    /// ending holds an apostrophe, and an abbreviation's ends in its period). Tokens
    /// start only before `before` (the next quotation, which the general loop folds). Where it
    /// stopped: the general loop reads on from there (`start` itself when it made nothing).
    private mutating func plainWords(_ source: Source, from start: Int, end: Int, before: Int) -> Int {
        guard let base = source.bytes.baseAddress else { return start }
        var out = TokenWriter(buffer)
        let limit = min(end, before)
        let count = source.count
        // The article's table read in place: taken again whenever a word is added to it.
        var probe = words.probe
        var i = start
        // Eight bytes are read from each token's start: the text's last seven bytes are left
        // to the general loop, with one comparison for both bounds.
        let bound = min(limit, count &- 7)
        while i < bound {
            let b0 = base[i]
            if b0 == 0x20 { i &+= 1; continue }
            let x = Bytes8.load(base + i)
            var n = WordKey.alphanumerics(x)
            guard n > 0 else {
                // Not a letter or digit: white space, an ASCII mark, or (from 0x80) the general loop's.
                guard b0 < 0x80 else { break }
                if !Source.isSpaceByte(b0) {
                    out.append(Token(kind: .punct, range: TextRange(inSource: i, i &+ 1), text: lexicon.ascii[Int(b0)],
                                     isCapitalized: false, quote: -1))
                }
                i &+= 1
                continue
            }
            let room = end &- i
            // The second eight bytes, for a word longer than eight.
            var x2: UInt64 = 0
            if n == 8 && room > 8 {
                guard i &+ 16 <= count else { break }
                x2 = Bytes8.load(base + i + 8)
                n = 8 &+ WordKey.alphanumerics(x2)
            }
            var periodAfter = false
            // A space after the word (the common case) is passed over with it.
            var next = 0
            if n >= room {
                // All letters and digits to the sentence's end.
                n = room
            } else {
                if n == 16 { break }
                let stop = base[i &+ n]
                if stop == 0x20 {
                    if i &+ n < limit { next = 1 }
                }
                // An apostrophe (0x27) or a hyphen (0x2D), one bit test for the two, or a byte from
                // 0x80 (’ ‐ ‑ among others): a word of several pieces (Russia’s, don't, co-host).
                else if stop >= 0x80 || (stop < 0x40 && (0x0000_2080_0000_0000 as UInt64) &>> UInt64(stop) & 1 != 0) {
                    guard let j = Self.joinedWordEnd(base, from: i &+ n, end: end, count: count) else { break }
                    let e = word(source, i, WordKey(source, i, j), probe: &probe)
                    let bareEnd = Self.bareEnd(source, i, j)
                    let possessive = bareEnd < j && bareEnd > i
                    let bareCls = possessive ? word(source, i, WordKey(source, i, bareEnd), probe: &probe).cls : e.cls
                    out.append(Token(kind: .word, range: TextRange(inSource: i, j), text: e.text, isCapitalized: b0 &- 0x41 < 26, quote: -1,
                                     cls: e.cls, bareCls: bareCls, possessiveBytes: possessive ? UInt8(j - bareEnd) : 0))
                    i = j
                    continue
                }
                else if stop == 0x2E {
                    // A period: the word takes it when a letter or digit follows (U.S) or when it
                    // ends an abbreviation (an initial, a known one); a byte from 0x80 may begin a letter.
                    if i &+ n &+ 1 < end {
                        let after = base[i &+ n &+ 1]
                        if after >= 0x80 || after &- 0x30 < 10 || (after | 0x20) &- 0x61 < 26 { break }
                    }
                    if n == 1 && b0 &- 0x41 < 26 { break }
                    periodAfter = true
                }
            }
            let key = n <= 8 ? WordKey(alphanumerics: x, count: n) : WordKey(alphanumerics: x, x2, count: n)
            // Looked up here, in the loop; a new spelling is made out of line.
            let (found, slot) = probe.find(upTo16: key)
            let e: WordTable.Entry
            if let f = found { e = probe.slots[f] }
            // (The key made again from the text, the same key: the loop keeps only its parts.)
            else { e = words.added(source, i, WordKey(source, i, i &+ n), slot: slot, probe: &probe, lexicon: lexicon, pack: pack) }
            if periodAfter && e.abbreviation {
                // "Mr.", "Jan.": the abbreviation with its period, a spelling of its own.
                let a = word(source, i, WordKey(source, i, i &+ n &+ 1), probe: &probe)
                out.append(Token(kind: .word, range: TextRange(inSource: i, i &+ n &+ 1), text: a.text,
                                 isCapitalized: b0 &- 0x41 < 26, quote: -1, cls: a.cls, bareCls: a.cls))
                i &+= n &+ 1
                continue
            }
            out.append(Token(kind: .word, range: TextRange(inSource: i, i &+ n), text: e.text,
                             isCapitalized: b0 &- 0x41 < 26, quote: -1, cls: e.cls, bareCls: e.cls))
            i &+= n &+ next
        }
        out.close()
        return i
    }

    /// The entry of the word at `start` with key `key`, through the table's `probe`.
    @inline(__always) private mutating func word(_ source: Source, _ start: Int, _ key: WordKey, probe: inout WordTable.Probe) -> WordTable.Entry {
        words.word(source, start, key, probe: &probe, lexicon: lexicon, pack: pack)
    }

    /// The entry of the word at `start` with key `key`.
    @inline(__always) private mutating func word(_ source: Source, _ start: Int, _ key: WordKey) -> WordTable.Entry {
        words.word(source, start, key, lexicon: lexicon, pack: pack)
    }

    /// Lowercased text of a byte range; ASCII is folded byte by byte (no Unicode tables).
    static func lowercased(_ source: Source, _ start: Int, _ end: Int) -> String {
        var ascii = true
        for k in start..<end where source[k] >= 0x80 { ascii = false; break }
        if !ascii { return latin1Lowercased(source, start, end) ?? source.string(TextRange(start, end)).lowercased() }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end {
                let b = source[k]
                buffer[k - start] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            }
            return end - start
        }
    }

    /// Where the word `start..<j` ends without its possessive ending (’s 's ’ ', bytes E2 80 99
    /// for ’), or `j` when it has none.
    @inline(__always) static func bareEnd(_ source: Source, _ start: Int, _ j: Int) -> Int {
        let last = source[j - 1]
        // Every ending is ’ (last byte 99), ' or an s after one of them.
        if last != 0x99 && last != 0x27 && last | 0x20 != 0x73 { return j }
        if j - start >= 3, source[j - 3] == 0xE2, source[j - 2] == 0x80, source[j - 1] == 0x99 { return j - 3 }
        if j - start >= 4, source[j - 1] | 0x20 == 0x73, source[j - 4] == 0xE2, source[j - 3] == 0x80, source[j - 2] == 0x99 { return j - 4 }
        if j - start >= 2, source[j - 1] == 0x27 { return j - 1 }
        if j - start >= 3, source[j - 1] | 0x20 == 0x73, source[j - 2] == 0x27 { return j - 2 }
        return j
    }

    /// The end of a word whose first piece of ASCII letters and digits stops at `k` (before
    /// `end`) on an apostrophe or a hyphen (' ’ - ‐ ‑): as the general loop reads it, the mark
    /// keeps the word whole when a letter or digit follows, and the word goes on through the
    /// next piece, up to the sentence's end or an ASCII byte other than a letter, a digit, a
    /// mark of those or a period. Nil when anything else comes first (a period, another
    /// scalar from 0x80, a mark before no ASCII letter or digit, the text's last eight bytes),
    /// which the general loop reads.
    static func joinedWordEnd(_ base: UnsafePointer<UInt8>, from k: Int, end: Int, count: Int) -> Int? {
        var k = k
        while true {
            let b = base[k]
            var m = 0
            if b == 0x27 || b == 0x2D { m = 1 }
            else if b == 0xE2 && k + 2 < end && base[k + 1] == 0x80 && (base[k + 2] == 0x99 || base[k + 2] == 0x90 || base[k + 2] == 0x91) { m = 3 }
            else if b < 0x80 && b != 0x2E { return k }
            else { return nil }
            k += m
            guard k < end, base[k] &- 0x30 < 10 || (base[k] | 0x20) &- 0x61 < 26 else { return nil }
            while true {
                guard k + 8 <= count else { return nil }
                let run = WordKey.alphanumerics(Bytes8.load(base + k))
                k += run
                if k >= end { return end }
                if run < 8 { break }
            }
        }
    }

    /// `String.lowercased()` (each scalar's lowercase mapping) of a byte range whose scalars are
    /// all in Latin-1 (up to U+00FF) or General Punctuation (U+2000–U+206F), as bytes: the
    /// capitals U+00C0–U+00DE but × (U+00D7) map to the scalar 0x20 above (C3 80–9E → C3 A0–BE),
    /// ASCII capitals are folded, and every other scalar there maps to itself. Nil for any
    /// other scalar (the caller lowers those with the standard library).
    static func latin1Lowercased(_ source: Source, _ start: Int, _ end: Int) -> String? {
        var k = start
        while k < end {
            let b = source[k]
            if b < 0x80 { k += 1; continue }
            if (b == 0xC2 || b == 0xC3) && k + 1 < end && source[k + 1] & 0xC0 == 0x80 { k += 2; continue }
            if b == 0xE2 && k + 2 < end && (source[k + 1] == 0x80 || (source[k + 1] == 0x81 && source[k + 2] < 0xB0))
                && source[k + 2] & 0xC0 == 0x80 { k += 3; continue }
            return nil
        }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            var lead: UInt8 = 0
            for k in start..<end {
                var b = source[k]
                if b < 0x80 { b = WordKey.folded(b) }
                else if lead == 0xC3 && b <= 0x9E && b != 0x97 { b += 0x20 }
                buffer[k - start] = b
                lead = b
            }
            return end - start
        }
    }

    /// Whether the word `start..<end`, followed by a period, is an abbreviation: one capital
    /// letter (an initial), a word with periods inside (U.S), a known abbreviation.
    /// With it, the word's entry when it was looked up.
    private mutating func isAbbreviation(_ source: Source, _ start: Int, _ end: Int) -> (Bool, WordTable.Entry?) {
        let (first, n) = source.scalar(at: start)
        if start + n == end && first.isUppercaseLike { return (true, nil) }
        let e = word(source, start, WordKey(source, start, end))
        return (e.abbreviation, e)
    }
}
