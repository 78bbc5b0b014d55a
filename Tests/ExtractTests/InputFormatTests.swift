import Testing
@testable import Extract

@Suite("Telling web pages, Markdown and plain text apart")
struct InputFormatTests {
    @Test("by extension, whatever the content", arguments: [
        ("page.html", InputFormat.html), ("PAGE.HTM", .html), ("a/b.xhtml", .html), ("notes.md", .markdown),
        ("notes.markdown", .markdown), ("wire.txt", .text), ("dir.v2/story.txt", .text),
    ])
    func byExtension(_ path: String, _ format: InputFormat) {
        #expect(InputFormat.detect(path: path, bytes: Array("plain words".utf8)) == format)
    }

    @Test("unknown extensions are sniffed", arguments: [
        ("<!DOCTYPE html><html><body>x</body></html>", InputFormat.html),
        ("  \n<!doctype HTML>\n<title>x</title>", .html),
        ("<html lang=en>", .html),
        ("<!-- saved from url=(0040)https://example.com/ -->\n<html>", .html),
        ("\u{FEFF}<html>", .html),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
        ("<head><title>x</title></head>", .html),
        ("Headline\n\nBody text that mentions <html> later.", .text),
        ("<htmlish> is not a tag we know", .text),
        ("# A heading\n\nMarkdown is never guessed.", .text),
        ("", .text),
    ])
    func sniffed(_ content: String, _ format: InputFormat) {
        #expect(InputFormat.detect(path: "story", bytes: Array(content.utf8)) == format)
        #expect(InputFormat.detect(path: nil, bytes: Array(content.utf8)) == format)
    }

    @Test("UTF-16 pages are sniffed too")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "<!DOCTYPE html><html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(InputFormat.sniff(bytes) == .html)
    }
}
