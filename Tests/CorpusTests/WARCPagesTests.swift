import Core
import Corpus
import Extract
import Foundation
import Testing

@Suite("WARC pages")
struct WARCPagesTests {
    func record(_ type: String, _ block: [UInt8]) -> WARCRecord {
        WARCRecord(offset: 42, fields: [("WARC-Type", type), ("WARC-Target-URI", "<https://example.org/x>"),
                                        ("WARC-Date", "2025-03-14T09:30:00Z"), ("WARC-Record-ID", "<urn:uuid:1>")], block: block)
    }

    @Test("an HTTP 200 HTML response is a page with the record's URI, date, ID and offset")
    func responseIsPage() throws {
        let page = try WARCPages.classify(record("response", http(contentType: "text/html; charset=UTF-8", body: Array(newsPage(1).utf8)))).get()
        #expect(page.format == .html)
        #expect(page.charset == "UTF-8")
        #expect(page.targetURI == "https://example.org/x")
        #expect(page.date == "2025-03-14T09:30:00Z")
        #expect(page.recordID == "<urn:uuid:1>")
        #expect(page.offset == 42)
        #expect(page.body == Array(newsPage(1).utf8))
    }

    @Test("requests, metadata, revisits, redirects, images and non-HTTP blocks are skipped with the reason")
    func skips() {
        func skip(_ r: WARCRecord) -> WARCPages.Skip? {
            if case .failure(let s) = WARCPages.classify(r) { return s }
            return nil
        }
        #expect(skip(record("request", Array("GET / HTTP/1.1\r\n\r\n".utf8))) == WARCPages.Skip(.notResponse, "request"))
        #expect(skip(record("metadata", Array("a: b\r\n".utf8))) == WARCPages.Skip(.notResponse, "metadata"))
        #expect(skip(record("revisit", http(contentType: "text/html", body: []))) == WARCPages.Skip(.notResponse, "revisit"))
        #expect(skip(record("response", http(status: "301 Moved Permanently", contentType: "text/html", headers: [("Location", "/y")], body: [])))
                == WARCPages.Skip(.status, "HTTP 301"))
        #expect(skip(record("response", http(contentType: "image/jpeg", body: [0xFF, 0xD8]))) == WARCPages.Skip(.notText, "image/jpeg"))
        #expect(skip(record("response", Array("not http at all".utf8))) == WARCPages.Skip(.notHTTP))
        #expect(skip(record("response", http(contentType: "text/html", headers: [("Content-Encoding", "br")], body: [1, 2]))) == WARCPages.Skip(.encoding, "br"))
    }

    @Test("chunked transfer and gzip content encoding are undone")
    func chunkedGzip() throws {
        let html = Array(newsPage(3).utf8)
        let gz = Gzip.compress(html)
        var chunked: [UInt8] = []
        var i = 0
        while i < gz.count {
            let n = min(100, gz.count - i)
            chunked += Array((String(n, radix: 16) + "\r\n").utf8) + gz[i..<(i + n)] + Array("\r\n".utf8)
            i += n
        }
        chunked += Array("0\r\n\r\n".utf8)
        let block = http(contentType: "text/html", headers: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], body: chunked)
        let page = try WARCPages.classify(record("response", block)).get()
        #expect(page.body == html)
    }

    @Test("the charset of the HTTP header is used when the page declares none")
    func charsetFromHeaderOnly() throws {
        // Cyrillic in windows-1251: read as windows-1252 it would be Latin letters.
        let text = "<html><head><title>Новости</title></head><body><article><h1>Паром</h1>"
            + "<p>«Мы рассмотрели все варианты», — сказала мэр Елена Окафор, объясняя решение совета о закрытии причала.</p>"
            + "<p>Совет проголосовал во вторник за закрытие последнего общественного причала, которому больше века.</p></article></body></html>"
        let cp1251 = try #require(text.data(using: .windowsCP1251))
        let block = http(contentType: "text/html; charset=windows-1251", body: Array(cp1251))
        let page = try WARCPages.classify(record("response", block)).get()
        #expect(page.charset == "windows-1251")
        let article = try ArticleInput.parse(bytes: page.body, format: page.format, transportCharset: page.charset)
        #expect(article.text.contains("Мы рассмотрели все варианты"))
        #expect(article.titleText?.contains("Паром") == true || article.titleText?.contains("Новости") == true)
        // Without the header the same bytes are not Cyrillic.
        let guessed = try ArticleInput.parse(bytes: page.body, format: .html)
        #expect(!guessed.text.contains("Мы рассмотрели"))
    }

    @Test("a charset the page declares wins over the HTTP header")
    func pageDeclarationWins() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>Café</title></head><body><article><p>“Our café stays open,” said Marta Silva, the owner, who has run the place on the harbour front for twenty years and knows every regular.</p></article></body></html>"
        let article = try ArticleInput.parse(bytes: Array(html.utf8), format: .html, transportCharset: "iso-8859-1")
        #expect(article.text.contains("Our café stays open"))
    }

    @Test("text/plain bodies in a header charset are re-encoded")
    func plainTextCharset() throws {
        let latin1: [UInt8] = Array("Title\n\n\"Voil".utf8) + [0xE0] + Array(" tout,\" said Marc Dupont.\n".utf8)
        let article = try ArticleInput.parse(bytes: latin1, format: .text, transportCharset: "ISO-8859-1")
        #expect(article.text.contains("Voilà tout"))
    }
}
