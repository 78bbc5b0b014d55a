/// Finds a query in the text: byte offsets of every match, ASCII letters matched without
/// regard to case, other characters exactly.
enum TextSearch {
    static func find(_ query: String, in text: String) -> [Int] {
        let needle = Array(query.utf8).map(fold)
        guard let first = needle.first else { return [] }
        var text = text
        return text.withUTF8 { hay in
            var hits: [Int] = []
            let n = needle.count
            guard hay.count >= n else { return hits }
            var i = 0
            let last = hay.count - n
            while i <= last {
                if fold(hay[i]) == first {
                    var j = 1
                    while j < n && fold(hay[i + j]) == needle[j] { j += 1 }
                    if j == n { hits.append(i); i += n; continue }
                }
                i += 1
            }
            return hits
        }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
