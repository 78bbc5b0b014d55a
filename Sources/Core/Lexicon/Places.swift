/// Places that news copy names as often as people: countries, US states, Canadian provinces
/// and large cities. A place is never a speaker: "Sumter, South Carolina, says" is said by the
/// person before the place, and "In Ohio, Kasich said" by Kasich. Lowercased; the list is
/// about recall of the common cases, not a gazetteer (a city missing here is still left out of
/// the speakers when it stands after "in", "from" or "of").
enum Places {
    /// Countries and groupings: they speak through their governments ("China said it was
    /// resolutely opposed"), so they may be speakers; listed to tell them from people.
    static let countries: Set<String> = [
        "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain",
        "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "britain", "bulgaria", "cambodia", "cameroon",
        "canada", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador",
        "egypt", "england", "estonia", "ethiopia", "europe", "finland", "france", "georgia", "germany", "ghana", "greece",
        "guatemala", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel",
        "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "latvia", "lebanon", "libya",
        "lithuania", "luxembourg", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro", "morocco",
        "mozambique", "myanmar", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
        "norway", "oman", "pakistan", "palestine", "panama", "paraguay", "peru", "philippines", "poland", "portugal",
        "qatar", "romania", "russia", "rwanda", "saudi arabia", "scotland", "senegal", "serbia", "singapore", "slovakia",
        "slovenia", "somalia", "south africa", "south korea", "spain", "sri lanka", "sudan", "sweden", "switzerland",
        "syria", "taiwan", "tanzania", "thailand", "tunisia", "turkey", "uganda", "ukraine", "united kingdom",
        "united states", "uruguay", "uzbekistan", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe",
        "africa", "asia", "america", "latin america", "middle east", "gaza", "west bank", "crimea", "donbas", "kashmir",
    ]

    /// States, provinces and cities: where people are, never who speaks.
    static let localities: Set<String> = [
        // US states and Canadian provinces.
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
        "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "washington state", "west virginia", "wisconsin", "wyoming", "ontario", "quebec",
        "alberta", "british columbia", "manitoba", "nova scotia",
        // The wire services' state abbreviations ("Cambridge, Mass., said").
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "fla.", "ga.", "ill.", "ind.", "kan.", "ky.", "la.", "md.",
        "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.", "n.c.", "n.d.",
        "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "tex.", "vt.", "va.", "wash.", "wis.", "w.va.", "wyo.", "d.c.",
        // Large cities.
        "london", "paris", "berlin", "madrid", "rome", "moscow", "kyiv", "kiev", "warsaw", "vienna", "prague", "budapest",
        "brussels", "amsterdam", "stockholm", "oslo", "copenhagen", "helsinki", "dublin", "lisbon", "athens", "istanbul",
        "ankara", "tehran", "baghdad", "damascus", "beirut", "jerusalem", "tel aviv", "cairo", "riyadh", "dubai", "doha",
        "nairobi", "lagos", "johannesburg", "cape town", "mumbai", "delhi", "new delhi", "karachi", "islamabad", "kabul",
        "beijing", "shanghai", "hong kong", "tokyo", "seoul", "pyongyang", "bangkok", "jakarta", "manila", "hanoi",
        "sydney", "melbourne", "toronto", "montreal", "vancouver", "ottawa", "mexico city", "sao paulo", "são paulo",
        "rio de janeiro", "buenos aires", "bogota", "bogotá", "lima", "santiago", "caracas", "havana", "chicago",
        "los angeles", "san francisco", "boston", "philadelphia", "miami", "atlanta", "houston", "dallas", "seattle",
        "denver", "phoenix", "detroit", "cleveland", "columbus", "baltimore", "las vegas", "new orleans", "manhattan",
        "brooklyn", "jackson", "des moines", "charlotte", "richmond", "sacramento", "austin", "nashville", "pittsburgh",
        "st. louis", "milwaukee", "minneapolis", "portland", "san diego", "tampa", "orlando", "raleigh", "edinburgh",
        "glasgow", "manchester", "birmingham", "liverpool", "munich", "hamburg", "frankfurt", "cologne", "milan",
        "naples", "barcelona", "marseille", "lyon", "geneva", "zurich", "kharkiv", "odesa", "odessa", "minsk", "tbilisi",
    ]

    /// The localities written in ASCII, looked up by their bytes: a name in ASCII can only
    /// be one of these (no other locality equals ASCII text).
    private static let asciiLocalities = ByteSet(localities.filter { $0.utf8.allSatisfy { $0 < 0x80 } })

    /// Whether `name` (as written, any case; a trailing "-based" or possessive ignored) is a
    /// state, province or city: never a speaker.
    static func contains(_ name: String) -> Bool {
        // An ASCII name is lowercased and trimmed on its bytes (no String is made but the
        // one looked up); any other goes the way of `String.lowercased()`.
        var name = name
        if let ascii = name.withUTF8({ asciiContains($0) }) { return ascii }
        var s = Substring(name.lowercased())
        if s.hasBytesSuffix("-based") { s = s.dropLast(6) }
        if s.hasBytesSuffix("’s") { s = s.dropLast(2) }
        if s.hasBytesSuffix("'s") { s = s.dropLast(2) }
        if s.hasBytesPrefix("the ") { s = s.dropFirst(4) }
        return localities.contains(String(s))
    }

    /// `contains` for a name written in ASCII (nil for any other): the same trims, byte by
    /// byte ("’s" has no ASCII spelling, so only "'s" is cut). The bytes are lowercased as they
    /// are read (trims, hash and comparison alike), so no copy of them is made.
    private static func asciiContains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var high: UInt8 = 0
        for b in bytes { high |= b }
        guard high < 0x80 else { return nil }
        // No locality is longer than 24 bytes, and the trims cut at most 10 ("the " and "-based").
        guard bytes.count <= 34 else { return false }
        var lo = 0, hi = bytes.count
        @inline(__always) func ends(with suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard hi - lo >= n else { return false }
            for k in 0..<n where WordKey.folded(bytes[hi - n + k]) != suffix.utf8Start[k] { return false }
            return true
        }
        if ends(with: "-based") { hi -= 6 }
        if ends(with: "'s") { hi -= 2 }
        if hi - lo >= 4, WordKey.folded(bytes[0]) == 0x74, WordKey.folded(bytes[1]) == 0x68, WordKey.folded(bytes[2]) == 0x65,
           bytes[3] == 0x20 { lo += 4 }
        return asciiLocalities.contains(lowercasing: UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
    }
}

/// A fixed set of byte strings, looked up by a hash of the bytes (open addressing, at most
/// half full): `Set<String>.contains` for text already in bytes, with no `String` made.
struct ByteSet {
    /// An index into `spans`, or -1 for a free slot; a power of two long.
    private var slots: [Int32]
    /// Every member's bytes, one after another, and where each starts and how long it is.
    private var bytes: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    /// For each first byte's low seven bits, the lengths of the members that open with it, one
    /// bit each (bit 31 for any length from 31 up).
    private var lengths = [UInt32](repeating: 0, count: 128)

    init(_ members: [String]) {
        var size = 16
        while size < members.count * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        for m in Set(members) {
            let u = Array(m.utf8)
            var k = u.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & (size - 1)
            while slots[k] >= 0 { k = (k + 1) & (size - 1) }
            slots[k] = Int32(spans.count)
            spans.append((bytes.count, u.count))
            if let first = u.first { lengths[Int(first & 0x7F)] |= 1 << UInt32(min(u.count, 31)) }
            bytes += u
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in u { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether the bytes `u`, their ASCII capitals lowercased, are a member's.
    func contains(lowercasing u: UnsafeBufferPointer<UInt8>) -> Bool { find(u, WordKey.folded) }

    /// Whether the bytes `u` are a member's.
    func contains(_ u: UnsafeBufferPointer<UInt8>) -> Bool { find(u) { $0 } }

    /// Whether the bytes `u`, each read through `map`, are a member's.
    @inline(__always) private func find(_ u: UnsafeBufferPointer<UInt8>, _ map: (UInt8) -> UInt8) -> Bool {
        // (Most words are told apart by their first byte and length, before any hashing.)
        if let first = u.first,
           lengths.withUnsafeBufferPointer({ $0[Int(map(first) & 0x7F)] }) >> min(u.count, 31) & 1 == 0 { return false }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in u { h = (h ^ UInt64(map(b))) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots -> Bool in
            spans.withUnsafeBufferPointer { spans -> Bool in
                bytes.withUnsafeBufferPointer { all -> Bool in
                    while slots[k] >= 0 {
                        let span = spans[Int(slots[k])]
                        if span.count == u.count {
                            var same = true
                            for j in 0..<span.count where all[span.start + j] != map(u[j]) { same = false; break }
                            if same { return true }
                        }
                        k = (k + 1) & mask
                    }
                    return false
                }
            }
        }
    }
}
