import CLibXML2

/// Bounds on what hostile pages can make of the parser and of the tree walks after it.
///
/// - libxml2 checks each attribute against every earlier one of its element, so 40,000
///   attributes on one element took 11 s and 100,000 minutes: `limitingAttributes` keeps
///   the first `maxAttributes` of an element (in one pass over the bytes) and says so.
/// - The page is parsed with `XML_PARSE_HUGE`, so nesting deeper than libxml2's default
///   of 256 keeps its text instead of being cut off; `flattenDeepNesting` then lifts the
///   text of anything nested deeper than `maxDepth` up to that depth (without recursion),
///   so that the extractor's tree walks stay shallow, and says so.
enum HTMLLimits {
    static let maxAttributes = 1_000
    static let maxDepth = 200

    /// The bytes with every attribute after the `limit`-th of an element removed, and how
    /// many elements lost some. Comments, declarations and the contents of `<script>`,
    /// `<style>`, `<textarea>` and `<title>` are passed over as browsers read them; in a
    /// script, "</" becomes "<\/" so that libxml2 does not end the script early.
    static func limitingAttributes(_ bytes: [UInt8], limit: Int = maxAttributes) -> (bytes: [UInt8], elements: Int) {
        let n = bytes.count
        var i = 0
        var out: [UInt8] = []
        var copied = 0
        var elements = 0
        var rewritten = false
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                // A comment runs to "-->", a declaration to ">".
                if i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    var j = i + 4
                    while j + 2 < n, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                    i = j + 3
                } else {
                    var j = i + 2
                    while j < n, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    i = j + 1
                }
                continue
            }
            guard isLetter(next) else { i += 1; continue }
            // The tag name.
            var j = i + 1
            while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            var name: [UInt8] = []
            for k in (i + 1)..<min(j, i + 12) { name.append(bytes[k] | 0x20) }
            // The attributes.
            var count = 0
            var cutFrom: Int?
            while j < n {
                while j < n, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
                guard j < n, bytes[j] != UInt8(ascii: ">") else { break }
                let start = j
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                if j == start { j += 1 }
                var k = j
                while k < n, isSpace(bytes[k]) { k += 1 }
                if k < n, bytes[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        let q = bytes[k]
                        k += 1
                        while k < n, bytes[k] != q { k += 1 }
                        k += 1
                    } else {
                        while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                    }
                    j = k
                }
                count += 1
                if count == limit + 1 { cutFrom = start }
            }
            let end = min(j, n)
            if let cutFrom {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: bytes[copied..<cutFrom])
                copied = end
                elements += 1
            }
            i = end + 1
            // Raw text: up to the matching end tag.
            if name == Array("script".utf8) || name == Array("style".utf8) || name == Array("textarea".utf8) || name == Array("title".utf8) {
                let close = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
                var k = i
                search: while k + close.count <= n {
                    if bytes[k] == UInt8(ascii: "<") {
                        var m = 1
                        while m < close.count, (bytes[k + m] | (m >= 2 ? 0x20 : 0)) == close[m] { m += 1 }
                        if m == close.count { break search }
                    }
                    k += 1
                }
                if name == Array("script".utf8) {
                    // libxml2 ends a script at the first "</" and a letter (HTML 4), where
                    // browsers wait for "</script": a script holding "</a>" in a string
                    // would pour its JSON into the page as text. "<\/" means the same in
                    // JavaScript and JSON.
                    var m = i
                    while m + 1 < k {
                        if bytes[m] == UInt8(ascii: "<") && bytes[m + 1] == UInt8(ascii: "/") {
                            if out.isEmpty { out.reserveCapacity(n + 64) }
                            out.append(contentsOf: bytes[copied...m])
                            out.append(UInt8(ascii: "\\"))
                            copied = m + 1
                            rewritten = true
                        }
                        m += 1
                    }
                }
                i = k
            }
        }
        guard elements > 0 || rewritten else { return (bytes, 0) }
        if copied < n { out.append(contentsOf: bytes[copied...]) }
        return (out, elements)
    }

    /// Lifts the content of elements nested deeper than `maxDepth` up to that depth: their
    /// text in document order, a paragraph break (two `<br>`) at each block edge; scripts
    /// and styles go. Returns how many elements were flattened. No recursion.
    static func flattenDeepNesting(_ root: Node, maxDepth: Int = maxDepth) -> Int {
        var flattened = 0
        var stack: [(Node, Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            var c = node.firstChild
            while let child = c {
                c = child.nextSibling
                guard child.isElement else { continue }
                if depth + 1 >= maxDepth {
                    flattened += flatten(child)
                } else {
                    stack.append((child, depth + 1))
                }
            }
        }
        return flattened
    }

    private static func newElement(_ name: String) -> Node? {
        name.withCString { xmlNewNode(nil, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// Replaces the element's descendants by their text and paragraph breaks.
    private static func flatten(_ e: Node) -> Int {
        // Collect the text nodes and block edges in document order (nil = a break).
        var items: [Node?] = []
        var elements = 0
        var n: Node? = e.firstChild
        while let node = n {
            var descend = false
            if node.isElement {
                elements += 1
                let name = node.tag
                if isBlockTag(name) || name == "br" { items.append(nil) }
                descend = name != "script" && name != "style" && name != "template" && node.firstChild != nil
            } else if node.isText {
                items.append(node)
            }
            if descend {
                n = node.firstChild
                continue
            }
            // Next in document order: a sibling, else the nearest ancestor's sibling below e.
            var m: Node? = node
            n = nil
            while let cur = m, cur != e {
                if cur.isElement, isBlockTag(cur.tag) { items.append(nil) }
                if let s = cur.nextSibling { n = s; break }
                m = cur.parentNode
            }
        }
        guard elements > 0 else { return 0 }
        // Move the texts into a fresh container, then free the old subtree.
        guard let holder = newElement("div") else { return 0 }
        for item in items {
            if let t = item {
                xmlUnlinkNode(t)
                _ = xmlAddChild(holder, t)
            } else if holder.pointee.last.map({ !$0.isElement }) ?? false {
                _ = xmlAddChild(holder, newElement("br"))
                _ = xmlAddChild(holder, newElement("br"))
            }
        }
        var old = e.firstChild
        while let o = old {
            old = o.nextSibling
            o.remove()
        }
        _ = xmlAddChild(e, holder)
        return elements
    }
}
