#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// How many colours the terminal gets from us.
enum ColorMode: Equatable, Sendable {
    case none, basic, extended
}

/// The one place that talks to ncursesw. It reads keys (a resize is just another key), copies
/// cell grids to the screen sending only the cells that changed, and gives the terminal back.
/// Use from one thread only.
final class CursesTerminal {
    enum OpenError: Error, Equatable {
        case unknownTerminal(String)
        /// A terminal that cannot move its cursor (TERM=dumb, a printing terminal).
        case cannotAddress(String)
        /// Keys cannot be read: standard input is not a terminal and /dev/tty cannot be opened.
        case noKeyboard
        var message: String {
            switch self {
            case .unknownTerminal(let t):
                return "voices: cannot use the terminal type \"\(t)\" (set TERM to one your system knows, e.g. xterm-256color); printing the listing instead."
            case .cannotAddress(let t):
                return "voices: the terminal type \"\(t)\" cannot move the cursor, so the reader cannot run; printing the listing instead."
            case .noKeyboard:
                return "voices: standard input is not a terminal and /dev/tty cannot be opened; printing the listing instead."
            }
        }
    }

    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var pairs: [PairKey: Int16] = [:]
    private var lastRedraws = 0
    let colorMode: ColorMode

    private struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    /// Sets the locale (falling back to C.UTF-8 when the environment gives no UTF-8 one).
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
    }

    /// Keys come from standard input when it is a terminal, else from /dev/tty (as less and
    /// vim do when the article arrives through a pipe).
    init(mouse: Bool, colors: Bool) throws(OpenError) {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term == "dumb" { throw .cannotAddress(term) }
        // Copies of the terminal's descriptors numbered 3 or above: with stderr closed
        // (`voices FILE 2>&-`) a plain dup would hand out 2, which SignalGuard points at its
        // stderr buffer while the reader runs, and the screen would be drawn into that file.
        // Keys come from the terminal on stdin, or from /dev/tty when the article was piped in.
        var keyboard: Int32 = -1
        if isatty(STDIN_FILENO) != 0 {
            keyboard = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)
        } else {
            let tty = open("/dev/tty", O_RDONLY | O_CLOEXEC)
            if tty >= 0 && tty < 3 { keyboard = fcntl(tty, F_DUPFD_CLOEXEC, 3); Glibc.close(tty) } else { keyboard = tty }
        }
        guard keyboard >= 0 else { throw .noKeyboard }
        guard let out = fdopen(fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3), "w"), let input = fdopen(keyboard, "r"),
              let scr = newterm(nil, out, input) else {
            throw .unknownTerminal(term.isEmpty ? "(unset)" : term)
        }
        if voices_can_address_cursor() == 0 {
            endwin()
            delscreen(scr)
            throw .cannotAddress(term)
        }
        screen = scr
        output = out
        set_term(scr)
        window = voices_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // Wake a few times a second so a signal that lands just before the read is still seen.
        wtimeout(window, 250)
        if colors && has_colors() {
            start_color()
            use_default_colors()
            colorMode = voices_colors() >= 256 ? .extended : .basic
        } else {
            colorMode = .none
        }
        if mouse {
            mousemask(voices_all_mouse_events(), nil)
            mouseinterval(0)
        }
        SignalGuard.restoreHook = { endwin() }
    }

    var size: (width: Int, height: Int) { (Int(voices_maxx(window)), Int(voices_maxy(window))) }

    /// Gives the terminal back (cursor, echo, line mode, main screen).
    func close() {
        SignalGuard.giveBack()
        delscreen(screen)
    }

    // MARK: Input

    /// A key already typed (or pasted) and not yet read, without waiting; nil when none.
    func readPendingKey() -> Key? {
        wtimeout(window, 0)
        defer { wtimeout(window, 250) }
        return readKey()
    }

    /// Puts text on the clipboard with OSC 52 (xterm, kitty, iTerm2, tmux with set-clipboard):
    /// it works over ssh since it travels with the output.
    func copyToClipboard(_ text: String) {
        let seq = "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
        fputs(seq, output)
        fflush(output)
    }

    /// Leaves the screen for a program that may need the terminal (a text browser), runs it,
    /// and takes the screen back.
    func runOutside(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        previous = nil
        wrefresh(window)
    }

    /// The next key, or nil when the wait timed out or a signal interrupted it.
    func readKey() -> Key? {
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(bitPattern: ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_RESIZE:
                let s = size
                return .resize(width: s.width, height: s.height)
            case KEY_MOUSE: return readMouse()
            case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(Int32(bitPattern: ch) - KEY_F0))
            default: return nil
            }
        }
        return Key.fromCharacter(ch)
    }

    private func readMouse() -> Key? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let x = Int(ev.x), y = Int(ev.y)
        if ev.bstate & voices_button4_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if ev.bstate & voices_button5_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if ev.bstate & (voices_button1_pressed() | voices_button1_clicked()) != 0 {
            return .mouse(MouseEvent(kind: .click, x: x, y: y))
        }
        return nil
    }

    // MARK: Output

    /// Copies the grid to the screen. Only rows and cells that differ from the last frame are
    /// sent; `redraws` changing (^L) repaints everything.
    func present(_ grid: CellGrid, redraws: Int = 0) {
        var force = redraws != lastRedraws
        lastRedraws = redraws
        if let p = previous, p.width != grid.width || p.height != grid.height { force = true }
        if previous == nil { force = true }
        if force {
            werase(window)
            clearok(window, true)
        }
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                if !force, let p = previous, p[x, y] == cell, !(x + 1 < grid.width && grid[x + 1, y] != p[x + 1, y] && grid[x + 1, y].isContinuation) {
                    x += 1
                    continue
                }
                if cell.isContinuation { x += 1; continue }
                draw(cell, x: x, y: y)
                // Our table says two columns; if the C library (which curses follows) says
                // one, fill the second column ourselves so no stale character shows there.
                if x + 1 < grid.width, grid[x + 1, y].isContinuation, let first = cell.text.unicodeScalars.first,
                   wcwidth(wchar_t(bitPattern: first.value)) < 2 {
                    draw(Cell(text: " ", style: cell.style), x: x + 1, y: y)
                }
                x += 1
            }
        }
        previous = grid
        wrefresh(window)
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var attrs = voices_a_normal()
        let st = cell.style
        if st.bold { attrs |= voices_a_bold() }
        if st.dim { attrs |= voices_a_dim() }
        if st.underline { attrs |= voices_a_underline() }
        if st.reverse { attrs |= voices_a_reverse() }
        if st.italic { attrs |= voices_a_italic() }
        // Without colour, "black on yellow" search matches are reverse video.
        if colorMode == .none && st.background == .highlight { attrs |= voices_a_reverse() }
        let pair = colorPair(st)
        var wcs: [wchar_t] = []
        for s in cell.text.unicodeScalars.prefix(4) { wcs.append(wchar_t(bitPattern: s.value)) }
        if wcs.isEmpty { wcs.append(32) }
        wcs.append(0)
        _ = voices_put_cell(window, Int32(y), Int32(x), wcs, attrs, pair)
    }

    private func colorPair(_ st: CellStyle) -> Int16 {
        guard colorMode != .none else { return 0 }
        let fg = color(st.foreground, background: false)
        let bg = color(st.background, background: true)
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        let n = Int16(pairs.count + 1)
        guard Int(n) < voices_color_pairs() else { return 0 }
        init_pair(n, fg, bg)
        pairs[key] = n
        return n
    }

    private static let basicSpeakers: [Int16] = Palette.basic.map(Int16.init)
    private static let extendedSpeakers: [Int16] = Palette.extended.map(Int16.init)

    private func color(_ c: CellColor, background: Bool) -> Int16 {
        switch c {
        case .default: return -1
        case .speaker(let i):
            let table = colorMode == .extended ? Self.extendedSpeakers : Self.basicSpeakers
            return table[i % table.count]
        case .highlight:
            if background { return colorMode == .extended ? 220 : Int16(COLOR_YELLOW) }
            return Int16(COLOR_BLACK)
        case .muted:
            return colorMode == .extended ? 244 : -1
        }
    }
}

/// Base64 (RFC 4648) for OSC 52.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
