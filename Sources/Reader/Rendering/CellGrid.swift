/// A colour by meaning; the terminal turns it into a colour pair (or nothing, without colour).
enum CellColor: Hashable, Sendable {
    case `default`
    /// The colour of the speaker at this position in the palette (cycled).
    case speaker(Int)
    /// Search hits.
    case highlight
    /// Hints and chrome (the pane separator, the speaker pane's counts).
    case muted
}

/// How one cell looks. Attributes are independent of colour so monochrome terminals keep them.
struct CellStyle: Hashable, Sendable {
    var foreground: CellColor = .default
    var background: CellColor = .default
    var bold = false
    var dim = false
    var underline = false
    var reverse = false
    var italic = false

    static let plain = CellStyle()
    static let bold = CellStyle(bold: true)
    static let reverse = CellStyle(reverse: true)
}

/// One screen cell: a grapheme cluster of display width 1 or 2, or the right half of a wide one.
struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here; "" for the second cell of a wide character.
    var text: String
    var style: CellStyle

    static let blank = Cell(text: " ", style: .plain)
    var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells that panes render into (ratatui's Buffer). Never holds control characters.
struct CellGrid: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            // Overwriting half of a wide character blanks the other half.
            let old = cells[y * width + x]
            if old.isContinuation, x > 0 { cells[y * width + x - 1] = Cell(text: " ", style: cells[y * width + x - 1].style) }
            if !old.isContinuation, x + 1 < width, cells[y * width + x + 1].isContinuation {
                cells[y * width + x + 1] = Cell(text: " ", style: old.style)
            }
            cells[y * width + x] = newValue
        }
    }

    /// The rows as strings (continuation cells dropped), trailing spaces kept: the oracle for tests.
    var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].text }
            return s
        }
    }

    /// Rows with trailing spaces removed (handier in literal test arrays).
    var trimmedLines: [String] {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }
    }

    /// Fills a rectangle with a style (keeping text), e.g. for the status line's reverse video.
    mutating func fill(_ rect: Rect, with cell: Cell) {
        for y in rect.y..<min(height, rect.y + rect.height) where y >= 0 {
            for x in rect.x..<min(width, rect.x + rect.width) where x >= 0 { self[x, y] = cell }
        }
    }

    mutating func setStyle(_ rect: Rect, _ style: CellStyle) {
        for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) { cells[y * width + x].style = style }
        }
    }

    /// Draws text from (x, y), sanitised and width-aware, clipped at `limit` (exclusive column).
    /// Returns the column after the last cell drawn.
    @discardableResult
    mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        var col = x
        guard y >= 0, y < height else { return col }
        for ch in text {
            guard let shown = DisplayWidth.visible(ch) else { continue }
            let w = DisplayWidth.of(shown)
            if w == 0 {
                // A lone combining mark: attach to the previous cell when there is one.
                if col > x, col - 1 < width {
                    var p = col - 1
                    if cells[y * width + p].isContinuation, p > 0 { p -= 1 }
                    cells[y * width + p].text.append(shown)
                }
                continue
            }
            if col + w > end { break }
            if col >= 0 {
                self[col, y] = Cell(text: String(shown), style: style)
                if w == 2 { self[col + 1, y] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// `put` of one printable ASCII character (0x20 to 0x7E, one column, nothing to sanitise),
    /// from its byte: no `Character` read.
    @discardableResult
    mutating func put(ascii b: UInt8, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        if x + 1 > min(limit ?? width, width) { return x }
        if x >= 0 { self[x, y] = Cell(text: String(Unicode.Scalar(b)), style: style) }
        return x + 1
    }

    /// Copies another grid into this one at (x, y), clipped.
    mutating func blit(_ other: CellGrid, x: Int, y: Int) {
        for oy in 0..<other.height where y + oy >= 0 && y + oy < height {
            for ox in 0..<other.width where x + ox >= 0 && x + ox < width {
                var c = other[ox, oy]
                // A wide character cut at the right edge becomes a space.
                if !c.isContinuation, x + ox == width - 1, ox + 1 < other.width, other[ox + 1, oy].isContinuation {
                    c = Cell(text: " ", style: c.style)
                }
                if c.isContinuation, x + ox == 0 { c = Cell(text: " ", style: c.style) }
                cells[(y + oy) * width + x + ox] = c
            }
        }
    }
}

/// A rectangle on the screen, in cells.
struct Rect: Equatable, Sendable {
    var x: Int, y: Int, width: Int, height: Int
    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    var isEmpty: Bool { width <= 0 || height <= 0 }
    func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}
