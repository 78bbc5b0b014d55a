#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The speakers' colours, chosen by measured contrast (WCAG 2 relative luminance) against
/// both a black and a white background, since the reader draws on the terminal's own.
///
/// 256 colours: twelve hues from the xterm colour cube, each at least 3.5:1 on black and on
/// white. Eight colours: no system colour but magenta and red reaches 3:1 on both, so the
/// order is by the lower of the two ratios (the most quoted speakers get the most legible
/// colours); every speaker also has a marker glyph, so colour is never the only signal.
/// `PaletteTests` computes the ratios.
enum Palette {
    /// Indices into the xterm 256-colour table.
    static let extended: [Int] = [27, 160, 28, 129, 30, 166, 163, 64, 62, 94, 29, 197]
    /// ncurses' COLOR_MAGENTA, COLOR_RED, COLOR_BLUE, COLOR_GREEN, COLOR_CYAN, COLOR_YELLOW.
    static let basic: [Int] = [5, 1, 4, 2, 6, 3]

    /// xterm's default RGB for the eight system colours.
    static let systemRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The RGB value of an xterm 256-colour index (16–255: the cube and the grey ramp).
    static func rgb(xterm n: Int) -> (Int, Int, Int) {
        if n < 8 { return systemRGB[n] }
        if n >= 232 { let v = 8 + 10 * (n - 232); return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let k = n - 16
        return (levels[k / 36], levels[(k / 6) % 6], levels[k % 6])
    }

    static func luminance(_ c: (Int, Int, Int)) -> Double {
        func lin(_ v: Int) -> Double {
            let x = Double(v) / 255
            return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    /// The contrast ratio of two colours (1 to 21).
    static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
