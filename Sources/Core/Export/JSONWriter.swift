/// A small JSON writer with a fixed key order (deterministic output, no Foundation).
struct JSONWriter {
    private(set) var output = ""

    mutating func raw(_ s: String) { output += s }

    mutating func string(_ s: String) {
        output += "\""
        // Fast path: text with nothing to escape is copied whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
            output += s
            output += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0) || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(u)
                }
            }
        }
        output += "\""
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { output += "null" }
    }

    mutating func number(_ d: Double) {
        let rounded = (d * 1000).rounded() / 1000
        if rounded == rounded.rounded() { output += String(Int(rounded)) } else { output += String(rounded) }
    }

    mutating func strings(_ list: [String]) {
        output += "["
        for (k, s) in list.enumerated() {
            if k > 0 { output += ", " }
            string(s)
        }
        output += "]"
    }
}
