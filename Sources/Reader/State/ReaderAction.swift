/// Everything that can happen to the reader. `ReaderState.apply` is the only place that
/// changes state; the key map turns keys into these, the terminal turns a resize into one.
enum ReaderAction: Equatable, Sendable {
    /// Rows down (negative: up); in the speaker pane, moves its cursor.
    case lines(Int)
    case pages(Int)
    case halfPages(Int)
    case top
    case bottom
    case nextQuotation
    case previousQuotation
    case nextSpeaker
    case previousSpeaker
    case focusNext
    case focusPrevious
    /// Enter: in the speaker pane, jump the article to the statement under the cursor.
    case activate
    case beginSearch
    case searchType(Character)
    case searchBackspace
    case searchSubmit
    case nextHit
    case previousHit
    /// Esc: close an overlay, else leave the prompt, else clear the search.
    case escape
    case toggleHelp
    case toggleWhy
    case toggleSpeakerPane
    /// Undo the dimming that selecting a speaker brings.
    case showAll
    case redraw
    case quit
    case nextArticle
    case previousArticle
    /// `A`: the list of open articles (Enter opens one at its kept position).
    case toggleArticleList
    /// `S`: the speaker index across the open articles (Enter jumps to a statement).
    case toggleSpeakerIndex
    case resize(width: Int, height: Int)
    case wheel(Int)
    case click(x: Int, y: Int)
    /// Up / Down in the search prompt: earlier / later queries of this session.
    case searchHistory(Int)
    /// `y`: the selected quotation with its attribution, to the clipboard (OSC 52).
    case copyQuotation
    /// `Y`: every statement of the selected speaker, to the clipboard.
    case copySpeaker
    /// `o`: open the article's canonical URL with `$BROWSER`.
    case openSource
    /// `F`: filter the speaker pane by name (type, Enter keeps, Esc clears).
    case beginSpeakerFilter
    /// `O`: cycle the speaker order (appearance, statements, words quoted).
    case cycleSort
    /// `v`: cycle which kinds `]` walks (all, direct, partial, reported).
    case cycleKind
    /// `c`: review mode: `]` walks only attributions below the confidence threshold.
    case toggleReview
    /// `>` / `<`: widen / narrow the speaker pane.
    case paneWidth(Int)
    /// A digit typed before a key: a count (`3}` selects speaker 3, `12g` goes to paragraph 12).
    case digit(Int)
    /// Paragraph N (as the why box and the notes number them) at the top of the screen.
    case paragraph(Int)
    /// Speaker number N of the pane (as numbered there): selects them.
    case speakerNumber(Int)
}
