import Testing
@testable import Extract

/// Encodes text as windows-1252 (the characters these tests use), at test time.
func windows1252(_ s: String) -> [UInt8] {
    let table: [Character: UInt8] = ["€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94,
                                     "–": 0x96, "—": 0x97, "é": 0xE9, "è": 0xE8, "ü": 0xFC, "ö": 0xF6, "à": 0xE0, "£": 0xA3]
    return s.flatMap { c -> [UInt8] in
        if let b = table[c] { return [b] }
        precondition(c.isASCII, "no windows-1252 byte for \(c) in this table")
        return [c.asciiValue!]
    }
}

@Suite("Honouring the page's character encoding")
struct HTMLCharsetTests {
    static let body = "<article><h1>Caf\u{E9} owners say “no” — and mean it</h1><p>“We won’t pay €200 for a licence to put two tables outside,” said Ren\u{E9}e Müller, who runs a café on the quay… The council says the fee covers inspections.</p><p>The owners’ association has written to every councillor about the charge, which rises again in April.</p></article>"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "windows-1252 declared in <meta http-equiv>",
             bytes: windows1252("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>t</title></head><body>\(body)</body></html>")),
        Case(name: "ISO-8859-1 declared in <meta charset> is read as windows-1252, as browsers do",
             bytes: windows1252("<!DOCTYPE html><html><head><meta charset=\"ISO-8859-1\"></head><body>\(body)</body></html>")),
        Case(name: "an undeclared page that is not UTF-8 is read as windows-1252",
             bytes: windows1252("<html><body>\(body)</body></html>")),
        Case(name: "UTF-8 declared in <meta charset>",
             bytes: Array("<!DOCTYPE html><html><head><meta charset=utf-8></head><body>\(body)</body></html>".utf8)),
        Case(name: "undeclared UTF-8 is read as UTF-8, not as libxml2's default Latin-1",
             bytes: Array("<html><body>\(body)</body></html>".utf8)),
        Case(name: "a UTF-8 byte-order mark outweighs a wrong declaration",
             bytes: [0xEF, 0xBB, 0xBF] + Array("<html><head><meta charset=\"windows-1252\"></head><body>\(body)</body></html>".utf8)),
        Case(name: "UTF-16LE with a byte-order mark",
             bytes: [0xFF, 0xFE] + "<html><head><meta charset=\"utf-16\"></head><body>\(body)</body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        Case(name: "an XHTML page declaring windows-1252 in its XML declaration",
             bytes: windows1252("<?xml version=\"1.0\" encoding=\"windows-1252\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(body)</body></html>")),
    ]

    @Test(arguments: cases)
    func decodes(_ c: Case) {
        let doc = HTMLExtractor().extract(c.bytes)
        #expect(doc.title == "Café owners say “no” — and mean it")
        #expect(doc.blocks.first?.text == "“We won’t pay €200 for a licence to put two tables outside,” said Renée Müller, who runs a café on the quay… The council says the fee covers inspections.")
    }

    @Test("a page declared UTF-8 with a stray Latin-1 byte keeps the rest and says where the bad byte was")
    func invalidUTF8() {
        var bytes = Array("<html><head><meta charset=utf-8></head><body><article><p>The caf".utf8)
        let badOffset = bytes.count
        bytes.append(0xE9)
        bytes += Array(" on the quay has been open since 1987, and its owner said it would stay open all winter.</p></article></body></html>".utf8)
        let doc = HTMLExtractor().extract(bytes)
        #expect(doc.blocks.first?.text == "The caf\u{FFFD} on the quay has been open since 1987, and its owner said it would stay open all winter.")
        #expect(doc.diagnostics.contains { $0.code == .invalidBytes && $0.byteOffset == badOffset })
    }

    @Test("a windows-1252 page with a byte the code page leaves unassigned keeps the rest of the page")
    func unassignedWindows1252Byte() {
        let bytes = windows1252("<html><head><meta charset=windows-1252></head><body><article><p>First paragraph, long enough to count as one.</p><p>A stray ") + [0x81]
            + windows1252(" byte in the second paragraph.</p><p>The third paragraph comes after it and is not lost.</p></article></body></html>")
        let doc = HTMLExtractor().extract(bytes)
        #expect(doc.blocks.last?.text == "The third paragraph comes after it and is not lost.")
    }

    @Test("a Shift_JIS page is re-encoded, and a byte Shift_JIS does not define becomes U+FFFD without losing the rest")
    func shiftJIS() {
        let nihon: [UInt8] = [0x93, 0xFA, 0x96, 0x7B]           // 日本
        let bytes = Array("<html><head><meta charset=\"Shift_JIS\"></head><body><article><p>".utf8) + nihon
            + Array(" is Japan in a paragraph long enough to count as one.</p><p>Bad ".utf8) + [0x81, 0x20]
            + Array("byte, then more text.</p><p>And a last paragraph that must survive.</p></article></body></html>".utf8)
        let doc = HTMLExtractor().extract(bytes)
        #expect(doc.blocks.map(\.text) == ["日本 is Japan in a paragraph long enough to count as one.", "Bad \u{FFFD} byte, then more text.",
                                           "And a last paragraph that must survive."])
        #expect(doc.diagnostics.contains { $0.code == .invalidBytes })
    }

    @Test("an encoding iconv does not know falls back and says so")
    func unknownEncoding() {
        let doc = HTMLExtractor().extract(Array("<html><head><meta charset=\"x-klingon-7\"></head><body>\(Self.body)</body></html>".utf8))
        #expect(doc.title == "Café owners say “no” — and mean it")
        #expect(doc.diagnostics.contains { $0.message.contains("x-klingon-7") })
    }

    /// "+ADw-script+AD4-" is `<script>` in UTF-7; browsers never decode UTF-7, nor does Voices.
    @Test("UTF-7 is an unknown label, never decoded", arguments: ["utf-7", "UTF-7", "x-utf-7", "unicode-1-1-utf-7", "csUnicode11UTF7", "UTF-7-IMAP"])
    func utf7(_ label: String) {
        let page = "<html><head><meta charset=\"\(label)\"></head><body><p>Plain +ADw-b+AD4-bold+ADw-/b+AD4- text said Ana.</p></body></html>"
        let doc = HTMLExtractor().extract(Array(page.utf8))
        #expect(doc.blocks.first?.text == "Plain +ADw-b+AD4-bold+ADw-/b+AD4- text said Ana.", "\(doc.blocks)")
        #expect(doc.diagnostics.contains { $0.message.contains("unknown encoding \(label.lowercased())") }, "\(doc.diagnostics)")
    }

    @Test("labels map as browsers map them", arguments: [
        ("latin1", "windows-1252"), ("US-ASCII", "windows-1252"), ("utf8", "UTF-8"), ("UTF-16", "UTF-8"),
        ("Shift_JIS", "SHIFT_JIS"), ("koi8-r", "KOI8-R"),
    ])
    func labels(_ label: String, _ expected: String) {
        #expect(HTMLCharset.canonicalName(label) == expected)
    }

    @Test("UTF-8 bytes under a gb2312 (or windows-1252) label are read as UTF-8, with a note")
    func utf8UnderALegacyLabel() {
        for label in ["gb2312", "windows-1252", "euc-jp"] {
            let doc = HTMLExtractor().extract(Array("<html><head><meta charset=\"\(label)\"><title>t</title></head><body>\(Self.body)</body></html>".utf8))
            #expect(doc.title == "Café owners say “no” — and mean it", "\(label)")
            #expect(doc.diagnostics.contains { $0.message.contains("bytes are UTF-8") }, "\(label)")
        }
    }

    @Test("numeric references 128–159 are the windows-1252 characters, not C1 controls")
    func c1References() {
        let doc = HTMLExtractor().extract(Array(page("<article><h1>Rates &#150; and fees</h1><p>The &#147;new&#148; fee is &#128;20 &#x96; up from &#x80;15&#133; said Zo&#235; Price, who called it &#145;steep&#146;.</p><p>Unassigned &#129; stays, and &#8211; is an en dash already.</p></article>").utf8))
        #expect(doc.title == "Rates – and fees")
        #expect(doc.blocks.map(\.text) == ["The “new” fee is €20 – up from €15… said Zoë Price, who called it ‘steep’.",
                                           "Unassigned \u{81} stays, and – is an en dash already."])
        #expect(HTMLCharset.mappingC1References(Array("a &#150 b &#1500; c &#x9F;".utf8)) == Array("a &#8211; b &#1500; c &#376;".utf8))
        #expect(HTMLEntities.decoding("&#150; &#151;") == "– —")
    }

    @Test("UTF-7 is never decoded (browsers refuse it): an unknown label, read as UTF-8")
    func utf7Refused() {
        let doc = HTMLExtractor().extract(Array("<html><head><meta charset=\"utf-7\"></head><body><article><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- is what this page says, in a paragraph long enough to count.</p></article></body></html>".utf8))
        #expect(doc.blocks.first?.text.hasPrefix("+ADw-script+AD4-") == true)
        #expect(doc.diagnostics.contains { $0.message.contains("unknown encoding utf-7") })
    }

    @Test("the declaration is found only in the first 4 KB")
    func declarationWindow() {
        let padding = String(repeating: " ", count: 5000)
        #expect(HTMLCharset.declaredLabel(Array("<html><head>\(padding)<meta charset=koi8-r>".utf8)) == nil)
        #expect(HTMLCharset.declaredLabel(Array("<html><head><meta name=x content=y><META CHARSET='KOI8-R'>".utf8)) == "koi8-r")
    }
}
