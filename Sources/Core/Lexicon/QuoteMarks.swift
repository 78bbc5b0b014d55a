/// Quotation marks as data: which scalars open or close which style, and which are ambiguous.
enum QuoteStyle: UInt8, Sendable {
    case double      // “ ” „ " '' ``
    case single      // ‘ ’ ‚ '
    case guillemet   // « »
    case singleGuillemet // ‹ ›
    case corner      // 「 」
    case whiteCorner // 『 』
}

enum MarkRole: Sendable {
    case open
    case close
    /// Opens or closes depending on context (straight quotes, ’ and ”).
    case either
}

struct QuoteMark: Sendable {
    var style: QuoteStyle
    var role: MarkRole
}

enum QuoteMarks {
    /// The marks Voices knows. Why each role: “ and „ only ever open in English and German
    /// news; ” usually closes but opens in Swedish and in sloppy copy; straight quotes and
    /// ’ depend on the letters around them (’ is also the apostrophe).
    static func mark(_ s: Unicode.Scalar) -> QuoteMark? {
        switch s.value {
        case 0x22: return QuoteMark(style: .double, role: .either)      // "
        case 0x27: return QuoteMark(style: .single, role: .either)      // '
        case 0x201C: return QuoteMark(style: .double, role: .open)      // “ (closes a German „)
        case 0x201D: return QuoteMark(style: .double, role: .either)    // ”
        case 0x201E: return QuoteMark(style: .double, role: .open)      // „
        case 0x201F: return QuoteMark(style: .double, role: .open)      // ‟
        case 0x2018: return QuoteMark(style: .single, role: .open)      // ‘ (closes a German ‚)
        case 0x2019: return QuoteMark(style: .single, role: .either)    // ’
        case 0x201A: return QuoteMark(style: .single, role: .open)      // ‚
        case 0x00AB: return QuoteMark(style: .guillemet, role: .either) // « (closes German »…«)
        case 0x00BB: return QuoteMark(style: .guillemet, role: .either) // »
        case 0x2039: return QuoteMark(style: .singleGuillemet, role: .either) // ‹
        case 0x203A: return QuoteMark(style: .singleGuillemet, role: .either) // ›
        case 0x300C: return QuoteMark(style: .corner, role: .open)      // 「
        case 0x300D: return QuoteMark(style: .corner, role: .close)     // 」
        case 0x300E: return QuoteMark(style: .whiteCorner, role: .open) // 『
        case 0x300F: return QuoteMark(style: .whiteCorner, role: .close) // 』
        default: return nil
        }
    }

    /// Lead bytes of every mark above: the scanner looks at nothing else.
    @inline(__always) static func mayStartMark(_ b: UInt8) -> Bool {
        // Bytes below 0x22, letters and digits are the common case: rule them out first.
        b >= 0x22 && (b == 0x22 || b == 0x27 || b == 0x60 || b == 0xC2 || b == 0xE2 || b == 0xE3)
    }

    /// Words that begin with an apostrophe rather than an opening single quote:
    /// ’burbs, ’em, rock ’n’ roll, ’til, ’tis, ’cause. Digits (’90s) are handled apart.
    static let elisions: Set<String> = [
        "n", "em", "til", "tis", "twas", "cause", "cos", "bout", "burbs", "round", "nuff", "ol",
        "s", "d", "ll", "re", "ve", "m", "t", "er", "ere", "gainst", "neath", "kay", "sup", "y",
    ]

    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x201C || s.value == 0x201E || s.value == 0x2018 || s.value == 0x201A
            || s.value == 0x300C || s.value == 0x300E || s.value == 0x00AB || s.value == 0x2039 || s.value == 0x22
            || s.value == 0x27
    }
}
