/// The reader's reading positions on disk: restored when articles open, saved when the
/// reader switches away from an article and when it quits. Only anchors that moved since
/// they were restored (or last saved) are written. Nothing here is fatal: every call
/// returns warnings for stderr, shown after the reader gives the screen back.
struct ReadingPositions {
    /// nil: positions are off (`--no-state`).
    let store: StateStore?
    /// One key per article (`StateStore.articleKey` of its bytes), nil when it has none
    /// (the sample article).
    let keys: [String?]
    /// The anchor last restored or saved for each article.
    private(set) var saved: [Int]
    /// Warnings already given (an unreadable positions file is met on restore and on every
    /// save, and said once).
    private var said: Set<String> = []

    init(store: StateStore?, keys: [String?]) {
        self.store = store
        self.keys = keys
        saved = Array(repeating: 0, count: keys.count)
    }

    /// Puts each article's saved anchor into `state` (clamped to its text).
    mutating func restore(into state: inout ReaderState) -> [String] {
        guard let store, keys.contains(where: { $0 != nil }) else { return [] }
        let (all, found) = store.loadPositions()
        let warnings = once(found)
        for (i, key) in keys.enumerated() where i < state.documents.count {
            guard let key, let p = all[key] else { continue }
            let anchor = min(p.offset, state.articles[i].text.utf8.count)
            state.documents[i].anchor = anchor
            saved[i] = anchor
        }
        return warnings
    }

    /// Saves the anchors of `articles` (all by default) that moved since the last save.
    mutating func save(_ state: ReaderState, articles: [Int]? = nil) -> [String] {
        guard let store else { return [] }
        var batch: [String: Int] = [:]
        var changed: [Int] = []
        for i in articles ?? Array(keys.indices) where i < keys.count && i < state.documents.count {
            guard let key = keys[i], state.documents[i].anchor != saved[i] else { continue }
            batch[key] = state.documents[i].anchor
            changed.append(i)
        }
        guard !batch.isEmpty else { return [] }
        let warnings = once(store.savePositions(batch))
        for i in changed { saved[i] = state.documents[i].anchor }
        return warnings
    }

    private mutating func once(_ warnings: [String]) -> [String] {
        warnings.filter { said.insert($0).inserted }
    }
}
