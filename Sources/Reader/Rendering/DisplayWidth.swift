import Core

/// Screen width of text, computed from our own tables so that layout never depends on the
/// process locale (wcwidth returns -1 under the C locale). Wide (East Asian W/F) and emoji
/// take two columns, combining marks and format characters none.
enum DisplayWidth {
    /// Width of one grapheme cluster as drawn (after `visible`).
    static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        let first = scalars.first!
        if first.value < 0x7F && first.value >= 0x20 { return 1 }
        var base = 0
        var emojiPresentation = false
        for s in scalars {
            if s.value == 0xFE0F { emojiPresentation = true; continue }
            if base == 0 { base = scalarWidth(s) }
        }
        if emojiPresentation, base == 1, first.properties.isEmoji { return 2 }
        return base
    }

    static func of(_ text: some StringProtocol) -> Int {
        var w = 0
        forEachCharacter(text) { ch in
            if let v = visible(ch) { w += of(v) }
            return true
        } ascii: { _ in
            w += 1
            return true
        }
        return w
    }

    /// Each character of `text` in order: a printable ASCII byte followed by an ASCII byte
    /// (or the end) is handed to `ascii` as its byte (one column, shown as itself: no
    /// `Character` read), anything else to `other` as the `Character` that starts there
    /// (bounded by `text`, as iterating it gives). Return false from either to stop.
    @inline(__always)
    static func forEachCharacter<S: StringProtocol>(_ text: S, _ other: (Character) -> Bool, ascii: (UInt8) -> Bool) {
        let bytes = text.utf8
        var k = text.startIndex
        while k < text.endIndex {
            let b = bytes[k], next = bytes.index(after: k)
            if b >= 0x20 && b < 0x7F && (next == bytes.endIndex || bytes[next] < 0x80) {
                if !ascii(b) { return }
                k = next
            } else {
                if !other(text[k]) { return }
                k = text.index(after: k)
            }
        }
    }

    /// Width of one scalar standing alone.
    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }   // drawn as a symbol
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }          // Hangul medial vowels and final consonants
        if isWide(v) { return 2 }
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || v == 0x2329 || v == 0x232A ||
        (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF) ||
        (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) ||
        (v >= 0xA000 && v <= 0xA4CF) || (v >= 0xA960 && v <= 0xA97F) ||
        (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) ||
        (v >= 0xFE10 && v <= 0xFE19) || (v >= 0xFE30 && v <= 0xFE6F) ||
        (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) ||
        (v >= 0x1F300 && v <= 0x1F64F) || (v >= 0x1F900 && v <= 0x1F9FF) ||
        (v >= 0x16FE0 && v <= 0x18AFF) || (v >= 0x1B000 && v <= 0x1B2FF) ||
        (v >= 0x20000 && v <= 0x2FFFD) || (v >= 0x30000 && v <= 0x3FFFD)
    }

    /// The cluster as it may be sent to a terminal: control characters, DEL, C1 controls and
    /// bidi overrides become the visible symbols of `TerminalText` (ESC → ␛, NUL → ␀,
    /// DEL → ␡, C1 and bidi → �), never raw bytes; other format characters are dropped.
    /// A zero-width joiner is never sent: terminals disagree on whether "👨‍👩‍👧" is one
    /// glyph or three, so a joined emoji sequence is shown as its first emoji (two columns
    /// everywhere) and a joiner elsewhere is dropped (it has no width).
    static func visible(_ ch: Character) -> Character? {
        let scalars = ch.unicodeScalars
        let first = scalars.first!
        if scalars.count == 1 {
            let v = first.value
            if v >= 0x20 && v < 0x7F { return ch }
            if TerminalText.isUnsafe(first) { return Character(TerminalText.symbol(for: first)) }
            if v == 0x2028 || v == 0x2029 { return " " }
            if first.properties.generalCategory == .format { return nil }
            return ch
        }
        // Clusters: "\r\n" and a control followed by marks also show as symbols.
        if TerminalText.isUnsafe(first) { return visible(Character(first)) }
        var out = String.UnicodeScalarView()
        var rest = scalars.makeIterator()
        var pending = rest.next()
        while let s = pending {
            pending = rest.next()
            if TerminalText.isUnsafe(s) { continue }
            if s.value == 0x200D {
                // What the joiner joins starts a new glyph in terminals that do not join: cut here.
                if let next = pending, next.properties.isEmoji, next.value > 0xFF, scalarWidth(next) > 0, !out.isEmpty { break }
                continue
            }
            if s.properties.generalCategory == .format { continue }
            out.append(s)
        }
        return String(out).first
    }
}
