import CLibXML2

/// The only file that talks to libxml2 beyond `HTMLExtractor`'s tree walks: parsing,
/// freeing, and reading nodes. libxml2 is thread-safe for separate documents once
/// `xmlInitParser` has run, which `LibXML.initialize()` does once.
enum LibXML {
    /// Recover from broken markup, say nothing on stderr, never touch the network,
    /// and use the encoding we determined (not the page's own hint, already weighed).
    static let options: Int32 = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before parsing from several threads.
    static func initialize() { _ = initialized }

    static func parseHTML(_ bytes: [UInt8], encoding: String) -> htmlDocPtr? {
        initialize()
        voices_xml_silence()
        return bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
            }
        }
    }
}

typealias Node = UnsafeMutablePointer<xmlNode>

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name in lower case (the HTML parser lower-cases names already).
    var tag: String {
        guard let name = pointee.name else { return "" }
        return String(cString: name)
    }

    var firstChild: Node? { pointee.children }
    var nextSibling: Node? { pointee.next }
    var parentNode: Node? { pointee.parent }

    /// An `<a>` that leads somewhere: it has an `href`, and not a script's
    /// (`javascript:`, as annotated editions mark their notes). An anchor without one
    /// (`<a name=…>`) is plain text.
    var isLink: Bool {
        guard tag == "a", let href = attribute("href") else { return false }
        var h = Substring(href)
        while let f = h.first, f == " " || f == "\t" || f == "\n" || f == "\r" { h.removeFirst() }
        return !h.lowercased().hasPrefix("javascript:")
    }

    /// The element children, in order.
    var elementChildren: [Node] {
        var out: [Node] = []
        var c = pointee.children
        while let n = c { if n.isElement { out.append(n) }; c = n.pointee.next }
        return out
    }

    /// An attribute's value, or nil. Names are matched as given (lower case).
    func attribute(_ name: String) -> String? {
        var a = pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, strcmpBytes(n, name) {
                var value = ""
                var c = attr.pointee.children
                while let t = c {
                    if let content = t.pointee.content { value += String(cString: content) }
                    c = t.pointee.next
                }
                return value
            }
            a = attr.pointee.next
        }
        return nil
    }

    func hasAttribute(_ name: String) -> Bool {
        var a = pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, strcmpBytes(n, name) { return true }
            a = attr.pointee.next
        }
        return false
    }

    /// All the text inside, whitespace collapsed.
    var textContent: String {
        var t = InlineText()
        collectText(into: &t)
        return t.take().text
    }

    func collectText(into t: inout InlineText, inLink: Bool = false) {
        var c = pointee.children
        while let n = c {
            if n.isText, let content = n.pointee.content {
                t.append(cString: content, inLink: inLink)
            } else if n.isElement {
                let name = n.tag
                if name == "script" || name == "style" || name == "noscript" || name == "template" { c = n.pointee.next; continue }
                if name == "br" || isBlockTag(name) { t.space() }
                n.collectText(into: &t, inLink: inLink || name == "a" && n.isLink)
                if isBlockTag(name) { t.space() }
            }
            c = n.pointee.next
        }
    }

    /// Takes the node out of the tree and frees it.
    func remove() {
        xmlUnlinkNode(self)
        xmlFreeNode(self)
    }
}

private func strcmpBytes(_ a: UnsafePointer<UInt8>, _ b: String) -> Bool {
    var i = 0
    for byte in b.utf8 {
        if a[i] != byte { return false }
        i += 1
    }
    return a[i] == 0
}
