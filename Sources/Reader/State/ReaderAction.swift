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
}
