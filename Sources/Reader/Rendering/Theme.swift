import Core

/// How speakers and kinds of quotation look. Colour is never the only signal: each speaker
/// also has a marker glyph, and kinds differ by attribute (direct bold, partial plain,
/// reported speech underlined), so NO_COLOR and monochrome terminals lose nothing essential.
enum Theme {
    static let markers: [String] = ["●", "■", "▲", "◆", "★", "✚", "▼", "◉", "✦", "◼", "▶", "✱"]
    static let unattributedMarker = "?"
    /// Markers after the twelve glyphs: letters, so speakers beyond 12 stay distinct.
    static let letterMarkers: [String] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)

    /// The current search match: reverse video, bold, underlined (standout, as less and vim
    /// show it), on the terminal's own colours: unlike any quotation style.
    static let currentMatch = CellStyle(bold: true, underline: true, reverse: true)
    /// Other matches: black on yellow (reverse video without colour).
    static let otherMatch = CellStyle(foreground: .highlight, background: .highlight)
    /// The cue word of the quotation the why box explains.
    static let cue = CellStyle(bold: true, underline: true, italic: true)

    static func marker(entry: Int, in index: ArticleIndex) -> String {
        if index.entries[entry] == .unattributed { return unattributedMarker }
        return marker(number: entry)
    }

    /// The marker of the n-th speaker (0-based): twelve glyphs, then letters, then the
    /// glyphs again with the letters (never the same as an earlier one up to 12 + 52 + 624).
    static func marker(number n: Int) -> String {
        if n < markers.count { return markers[n] }
        if n < markers.count + letterMarkers.count { return letterMarkers[n - markers.count] }
        let k = n - markers.count - letterMarkers.count
        return markers[k % markers.count] + letterMarkers[(k / markers.count) % letterMarkers.count]
    }

    static func color(entry: Int, in index: ArticleIndex) -> CellColor {
        index.entries[entry] == .unattributed ? .muted : .speaker(entry)
    }

    /// The style of a statement's words.
    static func style(for q: Quotation, state: ReaderState) -> CellStyle {
        let index = state.index
        let doc = state.document
        var s = CellStyle()
        guard q.kind.isStatement else { return s }   // scare quotes, titles: nobody's words
        let entry = index.entry(of: q)
        if let entry { s.foreground = color(entry: entry, in: index) }
        switch q.kind {
        case .direct: s.bold = true
        case .indirect: s.underline = true
        default: break
        }
        if doc.dimOthers, let sel = doc.selectedEntry, entry != sel {
            s = CellStyle(dim: true, underline: s.underline)
        }
        return s
    }

    /// What each attribution rule means, for the why overlay.
    static func explain(_ rule: AttributionRule) -> String { rule.explanation }

    static func kindName(_ kind: QuotationKind) -> String {
        switch kind {
        case .direct: return "direct quotation"
        case .partial: return "partial quotation"
        case .indirect: return "reported speech"
        case .scare: return "scare quotes"
        case .title: return "title of a work"
        case .nested: return "nested quotation"
        }
    }
}

/// Text helpers for panes: collapsing whitespace and truncating by display width.
enum TextFit {
    static func collapse(_ s: some StringProtocol) -> String {
        collapse(s, beyond: .max)
    }

    /// `collapse(s)`, or its start when that is wider than `columns`: the characters up to
    /// the first that takes the display width past `columns`. What `truncate` makes of it
    /// at `columns` or fewer is what it makes of the whole, and a long quotation in a pane
    /// row costs its first line, not all of its characters.
    static func collapse(_ s: some StringProtocol, beyond columns: Int) -> String {
        var out = ""
        var space = false
        var width = 0
        for ch in s {
            if ch.isWhitespace { space = !out.isEmpty; continue }
            if space {
                out.append(" "); space = false
                width += 1
            }
            out.append(ch)
            if columns < .max {
                width += DisplayWidth.visible(ch).map(DisplayWidth.of) ?? 0
                if width > columns { break }
            }
        }
        return out
    }

    /// `s` cut to `width` columns, ending in "…" when cut.
    static func truncate(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(s) <= width { return s }
        var out = ""
        var w = 0
        // (Plain ASCII is copied from the bytes; every other character as before.)
        DisplayWidth.forEachCharacter(s) { ch in
            guard let v = DisplayWidth.visible(ch) else { return true }
            let cw = DisplayWidth.of(v)
            if w + cw > width - 1 { return false }
            out.append(v); w += cw
            return true
        } ascii: { b in
            if w + 1 > width - 1 { return false }
            out.unicodeScalars.append(Unicode.Scalar(b)); w += 1
            return true
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }
}
