/// One binding: the key sequences that trigger an action, and the help text shown for it.
struct KeyBinding: Sendable {
    var sequences: [[Key]]
    var action: ReaderAction
    var help: String
    var group: String

    init(_ keys: [Key], _ action: ReaderAction, _ help: String, group: String) {
        self.sequences = keys.map { [$0] }
        self.action = action
        self.help = help
        self.group = group
    }

    init(sequences: [[Key]], _ action: ReaderAction, _ help: String, group: String) {
        self.sequences = sequences
        self.action = action
        self.help = help
        self.group = group
    }

    /// "j ↓" — how the help overlay lists the keys.
    var label: String {
        sequences.map { $0.map(\.label).joined() }.joined(separator: " ")
    }
}

/// The table of key bindings (bubbles' key.Binding): the reader's keys and its help overlay
/// both come from here, so the help can never disagree with the keys.
struct KeyMap: Sendable {
    var bindings: [KeyBinding]

    static let standard = KeyMap(bindings: [
        KeyBinding([.char("j"), .down], .lines(1), "line down (speaker pane: next row)", group: "Move"),
        KeyBinding([.char("k"), .up], .lines(-1), "line up (speaker pane: previous row)", group: "Move"),
        KeyBinding([.char(" "), .char("f"), .pageDown], .pages(1), "page down", group: "Move"),
        KeyBinding([.char("b"), .pageUp], .pages(-1), "page up", group: "Move"),
        KeyBinding([.char("d"), .ctrl("d")], .halfPages(1), "half page down", group: "Move"),
        KeyBinding([.char("u"), .ctrl("u")], .halfPages(-1), "half page up", group: "Move"),
        KeyBinding([.char("g"), .home], .top, "top (Ng: paragraph N)", group: "Move"),
        KeyBinding([.char("G"), .end], .bottom, "bottom", group: "Move"),
        KeyBinding([.char("]"), .char("J")], .nextQuotation, "next quotation (from the screen)", group: "Quotations"),
        KeyBinding([.char("["), .char("K")], .previousQuotation, "previous quotation", group: "Quotations"),
        KeyBinding([.char("}")], .nextSpeaker, "next speaker (N}: speaker N)", group: "Quotations"),
        KeyBinding([.char("{")], .previousSpeaker, "previous speaker", group: "Quotations"),
        KeyBinding([.char("a")], .showAll, "show all speakers again", group: "Quotations"),
        KeyBinding([.char("w"), .char("i")], .toggleWhy, "why: the cue and rule behind a quotation", group: "Quotations"),
        KeyBinding([.char("y")], .copyQuotation, "copy the quotation with its attribution", group: "Work"),
        KeyBinding([.char("Y")], .copySpeaker, "copy all statements of the speaker", group: "Work"),
        KeyBinding([.char("o")], .openSource, "open the source page ($BROWSER)", group: "Work"),
        KeyBinding([.char("v")], .cycleKind, "walk kind: all, direct, partial, reported", group: "Work"),
        KeyBinding([.char("c")], .toggleReview, "review: attributions below 70% (Nc: N%)", group: "Work"),
        KeyBinding([.char("O")], .cycleSort, "sort speakers: order, statements, words", group: "Work"),
        KeyBinding([.char("/")], .beginSearch, "search (speaker pane: filter speakers)", group: "Search"),
        KeyBinding([.char("n")], .nextHit, "next match (from the screen)", group: "Search"),
        KeyBinding([.char("N")], .previousHit, "previous match", group: "Search"),
        KeyBinding([.tab], .focusNext, "focus the other pane", group: "Panes"),
        KeyBinding([.backTab], .focusPrevious, "focus the other pane", group: "Panes"),
        KeyBinding([.enter], .activate, "speaker pane: jump to the statement", group: "Panes"),
        KeyBinding([.char("s")], .toggleSpeakerPane, "hide or show the speaker pane", group: "Panes"),
        KeyBinding([.char(">")], .paneWidth(4), "widen the speaker pane", group: "Panes"),
        KeyBinding([.char("<")], .paneWidth(-4), "narrow the speaker pane", group: "Panes"),
        KeyBinding(sequences: [[.char(":"), .char("n")]], .nextArticle, "next article", group: "Articles"),
        KeyBinding(sequences: [[.char(":"), .char("p")]], .previousArticle, "previous article", group: "Articles"),
        KeyBinding([.char("A")], .toggleArticleList, "list of open articles (Enter opens one)", group: "Articles"),
        KeyBinding([.char("S")], .toggleSpeakerIndex, "speaker index across the articles", group: "Articles"),
        KeyBinding([.escape], .escape, "back one step: box, search, selection", group: "Other"),
        KeyBinding([.char("?"), .function(1)], .toggleHelp, "this help", group: "Other"),
        KeyBinding([.ctrl("l")], .redraw, "redraw the screen", group: "Other"),
        KeyBinding([.char("q")], .quit, "quit", group: "Other"),
    ])

    enum Resolution: Equatable, Sendable {
        case action(ReaderAction)
        /// The keys so far begin a longer sequence (g, :): wait for the next key.
        case pending
        case unbound
    }

    /// Resolves the keys typed so far (normal mode). A sequence that is both complete and the
    /// start of a longer one (g / gg) waits for the next key.
    func resolve(_ keys: [Key]) -> Resolution {
        var exact: ReaderAction?
        var longer = false
        for b in bindings {
            for seq in b.sequences {
                if seq == keys { exact = b.action }
                else if seq.count > keys.count && Array(seq.prefix(keys.count)) == keys { longer = true }
            }
        }
        if longer { return .pending }
        if let exact { return .action(exact) }
        return .unbound
    }

    /// The action a sequence ended by a key that completes nothing longer falls back to:
    /// "g" then "j" runs "g" then "j".
    func action(for keys: [Key]) -> ReaderAction? {
        for b in bindings where b.sequences.contains(keys) { return b.action }
        return nil
    }

    /// Help rows grouped in table order: (group, [(keys, help)]).
    var helpSections: [(group: String, rows: [(keys: String, help: String)])] {
        var out: [(group: String, rows: [(keys: String, help: String)])] = []
        for b in bindings {
            // Shift-Tab repeats Tab's line; fold it into the same row.
            if b.action == .focusPrevious, let i = out.firstIndex(where: { $0.group == b.group }),
               let j = out[i].rows.firstIndex(where: { $0.help == b.help }) {
                out[i].rows[j].keys += " " + b.label
                continue
            }
            if let i = out.firstIndex(where: { $0.group == b.group }) {
                out[i].rows.append((b.label, b.help))
            } else {
                out.append((b.group, [(b.label, b.help)]))
            }
        }
        return out
    }
}
