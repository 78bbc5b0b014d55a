import Corpus
import Foundation
import Testing

@Suite("WARC reader")
struct WARCReaderTests {
    /// warcinfo, then request/response/metadata for two pages, a revisit, an image.
    func sampleCorpus(gzip: Bool) -> WARCBuilder {
        var w = WARCBuilder(gzip: gzip)
        w.addWarcinfo()
        w.addPage(uri: "https://example.org/news/1", html: newsPage(1))
        w.addPage(uri: "https://example.org/news/2", html: newsPage(2))
        w.add(type: "revisit", uri: "https://example.org/news/1", block: http(contentType: "text/html", body: []),
              contentType: "application/http; msgtype=response",
              extra: [("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")])
        w.add(type: "response", uri: "https://example.org/logo.png",
              block: http(contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3]),
              contentType: "application/http; msgtype=response")
        return w
    }

    @Test("every record is read, with its type, fields and the offset it starts at", arguments: [false, true])
    func readsEveryRecord(gzip: Bool) throws {
        let w = sampleCorpus(gzip: gzip)
        let all = try events(w.bytes)
        let records = all.compactMap(\.record)
        #expect(all.count == records.count, "no problems in a sound file")
        #expect(records.map(\.type) == ["warcinfo", "request", "response", "metadata", "request", "response", "metadata", "revisit", "response"])
        #expect(records.map(\.offset) == w.offsets)
        #expect(records[2].targetURI == "https://example.org/news/1")
        #expect(records[2]["warc-date"] == "2025-03-14T09:30:00Z")
        #expect(records[2]["WARC-Record-ID"]?.hasPrefix("<urn:uuid:") == true)
        #expect(String(decoding: records[2].block.prefix(15), as: UTF8.self) == "HTTP/1.1 200 OK")
    }

    @Test("a gzip member cut short at the end of the file is reported with its offset, the records before it are kept")
    func truncatedAtEnd() throws {
        var w = sampleCorpus(gzip: true)
        w.addPage(uri: "https://example.org/news/3", html: newsPage(3))
        let lastMember = w.offsets[w.offsets.count - 2]   // the response of page 3
        let cut = Array(w.bytes[0..<(lastMember + (w.bytes.count - lastMember) / 3)])
        let all = try events(cut)
        let records = all.compactMap(\.record)
        #expect(records.count == w.offsets.count - 2)
        let problems = all.compactMap(\.problem)
        #expect(problems.count == 1)
        #expect(problems.first?.offset == lastMember)
        #expect(problems.first?.message.contains("cut short") == true)
    }

    @Test("an uncompressed record cut short at the end of the file is reported with its offset")
    func truncatedPlain() throws {
        let w = sampleCorpus(gzip: false)
        let last = w.offsets.last!
        let all = try events(Array(w.bytes[0..<(last + 120)]))
        #expect(all.compactMap(\.record).count == w.offsets.count - 1)
        let p = try #require(all.last?.problem)
        #expect(p.offset == last)
        #expect(p.message.contains("cut short"))
    }

    @Test("a corrupt gzip member in the middle is reported and the next records are read")
    func corruptMemberInMiddle() throws {
        var w = WARCBuilder(gzip: true)
        w.addPage(uri: "https://example.org/a", html: newsPage(1))
        // A member cut in half, then sound members after it.
        let broken = Gzip.compress(WARCBuilder.record(type: "response", uri: "https://example.org/broken",
                                                      block: http(contentType: "text/html", body: Array(newsPage(9).utf8)), id: "<urn:uuid:broken>"))
        let brokenAt = w.bytes.count
        w.addGarbage(Array(broken[0..<(broken.count / 2)]))
        w.addPage(uri: "https://example.org/b", html: newsPage(2))
        let all = try events(w.bytes)
        let records = all.compactMap(\.record)
        #expect(records.count == 6)
        #expect(records.compactMap(\.targetURI).filter { $0.hasSuffix("/b") }.count == 3)
        let problems = all.compactMap(\.problem)
        #expect(problems.count == 1)
        #expect(problems.first?.offset == brokenAt)
    }

    @Test("flipped bytes inside a member: reported, the rest goes on")
    func flippedBytes() throws {
        var w = WARCBuilder(gzip: true)
        w.addPage(uri: "https://example.org/a", html: newsPage(1))
        let damagedMember = w.offsets[1]
        w.addPage(uri: "https://example.org/b", html: newsPage(2))
        var bytes = w.bytes
        // The response of /a: spoil its compressed data (past the 10-byte gzip header).
        for i in (damagedMember + 20)..<(damagedMember + 60) { bytes[i] ^= 0x5A }
        let all = try events(bytes)
        #expect(all.compactMap(\.problem).count >= 1)
        #expect(all.compactMap(\.problem).first?.offset == damagedMember)
        #expect(all.compactMap(\.record).filter { $0.targetURI?.hasSuffix("/b") == true }.count == 3)
    }

    @Test("a Content-Length longer than the record (plain file): reported, the next record is found")
    func wrongLength() throws {
        var w = WARCBuilder(gzip: false)
        w.addPage(uri: "https://example.org/a", html: newsPage(1))
        let badAt = w.bytes.count
        w.add(type: "response", uri: "https://example.org/short", block: http(contentType: "text/html", body: Array(newsPage(5).utf8)),
              contentType: "application/http; msgtype=response", declaredLength: 200_000)
        w.addPage(uri: "https://example.org/b", html: newsPage(2))
        let all = try events(w.bytes)
        let problems = all.compactMap(\.problem)
        #expect(problems.count == 1)
        #expect(problems.first?.offset == badAt)
        #expect(all.compactMap(\.record).filter { $0.targetURI?.hasSuffix("/b") == true }.count == 3)
    }

    @Test("bytes that are no record between records are skipped with a report")
    func garbageBetweenRecords() throws {
        var w = WARCBuilder(gzip: false)
        w.addPage(uri: "https://example.org/a", html: newsPage(1))
        let junkAt = w.bytes.count
        w.addGarbage(Array("this is not a WARC record\r\nat all\r\n".utf8))
        w.addPage(uri: "https://example.org/b", html: newsPage(2))
        let all = try events(w.bytes)
        #expect(all.compactMap(\.problem).map(\.offset) == [junkAt])
        #expect(all.compactMap(\.record).count == 6)
    }

    @Test("a file that is not WARC is refused at once")
    func notWARC() throws {
        #expect(throws: WARCError.self) { try events(Array("<!doctype html><p>hello</p>".utf8)) }
        #expect(throws: WARCError.self) { try events(Gzip.compress(Array("plain text, gzipped".utf8))) }
    }

    @Test("records larger than the limit are passed over, not held in memory")
    func oversized() throws {
        var w = WARCBuilder(gzip: true)
        w.add(type: "resource", uri: "https://example.org/big", block: [UInt8](repeating: 0x41, count: 300_000))
        w.addPage(uri: "https://example.org/a", html: newsPage(1))
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try w.write(to: dir + "/big.warc.gz")
        let reader = try WARCReader(path: dir + "/big.warc.gz")
        reader.maxBlockBytes = 100_000
        var kinds: [String] = []
        while let e = try reader.next() {
            switch e {
            case .record(let r): kinds.append(r.type)
            case .oversized(let offset, let type, let bytes): kinds.append("oversized \(type) \(bytes) at \(offset)")
            case .problem(_, let m): kinds.append("problem " + m)
            }
        }
        #expect(kinds == ["oversized resource 300000 at 0", "request", "response", "metadata"])
    }

    @Test("cut anywhere or spoiled anywhere, a file reads to its end without a crash; sound records after damage are kept", arguments: [false, true])
    func damageAnywhere(gzip: Bool) throws {
        var w = WARCBuilder(gzip: gzip)
        for n in 1...3 { w.addPage(uri: "https://example.org/\(n)", html: newsPage(n)) }
        let total = w.offsets.count
        for cut in stride(from: 1, to: w.bytes.count, by: max(1, w.bytes.count / 97)) {
            guard let all = try? events(Array(w.bytes[0..<cut])) else { continue }   // too short to be WARC: refused
            #expect(all.compactMap(\.record).count <= total)
            #expect(all.compactMap(\.record).allSatisfy { w.offsets.contains($0.offset) })
        }
        let lastStart = w.offsets[total - 3]   // page 3: request, response, metadata
        for spot in stride(from: 40, to: lastStart - 8, by: max(1, lastStart / 61)) {
            var bytes = w.bytes
            for k in spot..<min(spot + 6, bytes.count) { bytes[k] ^= 0xA5 }
            let all = try events(bytes)
            let uris = all.compactMap(\.record).compactMap(\.targetURI)
            #expect(uris.filter { $0.hasSuffix("/3") }.count == 3, "page 3 survives damage at \(spot)")
        }
    }
}
