/// Where the panes go for a terminal size: the speaker pane on the right when there is room,
/// below when the terminal is narrow, hidden when it is too small; a message when nothing fits.
struct ScreenLayout: Equatable, Sendable {
    enum SpeakerPlacement: Equatable, Sendable { case right, below, hidden }

    var article: Rect
    var speakers: Rect?
    var separator: Rect?
    var status: Rect
    var placement: SpeakerPlacement
    /// Set when the terminal is too small to read in; the screen shows a short message.
    var tooSmall: Bool

    /// Columns of the gutter (speaker marker) left of the article text, and the right margin.
    static let gutter = 2
    static let margin = 1
    static let minimumWidth = 16
    static let minimumHeight = 3

    /// `paneDelta` widens (or narrows) the side pane; `maxTextWidth` (0: none) caps the article's
    /// rows on a wide terminal, the room left over going to the speaker pane.
    static func compute(width: Int, height: Int, showSpeakers: Bool, paneDelta: Int = 0, maxTextWidth: Int = 0) -> ScreenLayout {
        let status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
        if width < minimumWidth || height < minimumHeight {
            return ScreenLayout(article: Rect(x: 0, y: 0, width: 0, height: 0), speakers: nil, separator: nil,
                                status: status, placement: .hidden, tooSmall: true)
        }
        let body = height - 1
        if showSpeakers && width >= 80 {
            var side = min(42, max(26, width * 3 / 10))
            side = max(20, min(width - 40, side + paneDelta))
            if maxTextWidth > 0 { side = max(side, min(width - 40, width - 1 - (maxTextWidth + gutter + margin))) }
            let articleWidth = width - side - 1
            return ScreenLayout(article: Rect(x: 0, y: 0, width: articleWidth, height: body),
                                speakers: Rect(x: articleWidth + 1, y: 0, width: side, height: body),
                                separator: Rect(x: articleWidth, y: 0, width: 1, height: body),
                                status: status, placement: .right, tooSmall: false)
        }
        if showSpeakers && body >= 14 {
            let below = max(5, body / 3)
            let articleHeight = body - below - 1
            return ScreenLayout(article: Rect(x: 0, y: 0, width: width, height: articleHeight),
                                speakers: Rect(x: 0, y: articleHeight + 1, width: width, height: below),
                                separator: Rect(x: 0, y: articleHeight, width: width, height: 1),
                                status: status, placement: .below, tooSmall: false)
        }
        let articleWidth = maxTextWidth > 0 ? min(width, maxTextWidth + gutter + margin) : width
        return ScreenLayout(article: Rect(x: 0, y: 0, width: articleWidth, height: body), speakers: nil, separator: nil,
                            status: status, placement: .hidden, tooSmall: false)
    }

    /// Width available to the article's text.
    var textWidth: Int { max(1, article.width - Self.gutter - Self.margin) }
}
