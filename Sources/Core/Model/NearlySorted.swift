extension Array {
    /// Sorts the array in place by `areInIncreasingOrder`, stably, as `sort(by:)` does, in one
    /// pass when it is in order already or nearly so (the quotations of a text, listed as their
    /// marks close, are out of order only around nested ones). An insertion sort moves each
    /// element back past the greater ones before it; once it has moved as many elements as the
    /// array holds, the library's sort finishes the work, so no input costs more than a
    /// linear pass on top of it. (Neither sort moves an element past an equal one, so the
    /// result is the one `sort(by:)` gives.)
    mutating func sortNearlySorted(by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        let budget = count
        let finished = withUnsafeMutableBufferPointer { b -> Bool in
            var moves = 0
            for i in 1..<b.count where areInIncreasingOrder(b[i], b[i - 1]) {
                let x = b[i]
                var j = i
                while j > 0, areInIncreasingOrder(x, b[j - 1]) {
                    b[j] = b[j - 1]
                    j -= 1
                    moves += 1
                }
                b[j] = x
                if moves > budget { return false }
            }
            return true
        }
        if !finished { sort(by: areInIncreasingOrder) }
    }
}
