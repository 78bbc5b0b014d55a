import Corpus
import Foundation
import Testing
import TestSupport

/// Builds WARC files in memory the way crawlers write them: each record `WARC/1.0`, named
/// fields, a blank line, the block, CRLF CRLF; gzipped one member per record when asked.
struct WARCBuilder {
    var gzip: Bool
    private(set) var bytes: [UInt8] = []
    /// File offset of each record (of its gzip member), in order.
    private(set) var offsets: [Int] = []
    private var serial = 0

    init(gzip: Bool) { self.gzip = gzip }

    /// The record's bytes before compression.
    static func record(type: String, uri: String?, block: [UInt8], id: String, date: String = "2025-03-14T09:30:00Z",
                       contentType: String? = nil, extra: [(String, String)] = [], declaredLength: Int? = nil) -> [UInt8] {
        var head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        for (k, v) in extra { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(declaredLength ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    @discardableResult
    mutating func add(type: String, uri: String? = nil, block: [UInt8], contentType: String? = nil,
                      extra: [(String, String)] = [], declaredLength: Int? = nil) -> String {
        serial += 1
        let id = "<urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", serial))>"
        let raw = Self.record(type: type, uri: uri, block: block, id: id, contentType: contentType, extra: extra, declaredLength: declaredLength)
        addRaw(raw)
        return id
    }

    /// Bytes as they are (compressed as one member when gzipping).
    mutating func addRaw(_ raw: [UInt8]) {
        offsets.append(bytes.count)
        bytes += gzip ? Gzip.compress(raw) : raw
    }

    /// Bytes appended with no record bookkeeping (damage).
    mutating func addGarbage(_ raw: [UInt8]) { bytes += raw }

    mutating func addWarcinfo() {
        add(type: "warcinfo", block: Array("software: voices-tests\r\nformat: WARC File Format 1.0\r\n".utf8),
            contentType: "application/warc-fields")
    }

    /// A request, the response to it (HTTP 200, the page) and a metadata record, as crawlers write them.
    @discardableResult
    mutating func addPage(uri: String, html: String, contentType: String = "text/html; charset=utf-8",
                          status: String = "200 OK", headers: [(String, String)] = [], body: [UInt8]? = nil) -> String {
        add(type: "request", uri: uri, block: Array("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8),
            contentType: "application/http; msgtype=request")
        let id = add(type: "response", uri: uri, block: http(status: status, contentType: contentType, headers: headers, body: body ?? Array(html.utf8)),
                     contentType: "application/http; msgtype=response")
        add(type: "metadata", uri: uri, block: Array("fetchTimeMs: 120\r\n".utf8), contentType: "application/warc-fields")
        return id
    }

    func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

func http(status: String = "200 OK", contentType: String?, headers: [(String, String)] = [], body: [UInt8]) -> [UInt8] {
    var head = "HTTP/1.1 \(status)\r\n"
    if let contentType { head += "Content-Type: \(contentType)\r\n" }
    for (k, v) in headers { head += "\(k): \(v)\r\n" }
    if !headers.contains(where: { $0.0.lowercased() == "transfer-encoding" }) { head += "Content-Length: \(body.count)\r\n" }
    return Array((head + "\r\n").utf8) + body
}

/// A news page of our own: title, byline, paragraphs with quotations by named speakers.
func newsPage(_ n: Int, charsetMeta: Bool = true) -> String {
    let people = [("Helen Okafor", "Mayor"), ("Daniel Reyes", "chairman of the Ferry Users' Association"),
                  ("Amira Haddad", "a nurse"), ("Peter Lindqvist", "Councillor"), ("Marta Silva", "the harbour master")]
    let (a, roleA) = people[n % people.count]
    let (b, roleB) = people[(n + 2) % people.count]
    let meta = charsetMeta ? "<meta charset=\"utf-8\">" : ""
    return """
        <!doctype html><html><head>\(meta)<title>Story \(n) | The Harbour Gazette</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Ferry pier decision \(n) divides the town</h1>
        <p>The council voted on Tuesday to close the last public ferry pier in story \(n), ending a service that has run for a century and more.</p>
        <p>“We looked at every option, and none of them adds up,” said \(a), the \(roleA). “I would rather tell people the truth now.”</p>
        <p>\(b), \(roleB), called the vote “a quiet betrayal of the people who ride the boat every morning.”</p>
        <p>“Nobody asked the passengers,” \(b) said. The regional office said it had “no plans” to replace the service.</p>
        </article><footer>© The Harbour Gazette</footer></body></html>
        """
}

// MARK: Running the binary

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let voicesBinary = packageRoot.appendingPathComponent(".build/debug/voices").path
let binaryIsBuilt = FileManager.default.isExecutableFile(atPath: voicesBinary)

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runVoices(_ arguments: [String], stdinPath: String = "/dev/null") -> RunResult {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/stdout", err = dir + "/stderr"
    let outcome = Spawn.bash(#"exec "$1" "${@:2}""#, args: [voicesBinary] + arguments, stdin: stdinPath, stdout: out, stderr: err,
                             environment: ["SWIFT_BACKTRACE": "enable=no"])
    let o = FileManager.default.contents(atPath: out) ?? Data()
    let e = FileManager.default.contents(atPath: err) ?? Data()
    return RunResult(status: outcome.status, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("voices-corpus-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func jsonObjects(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

/// Every event of a WARC file, read through `WARCReader`.
func events(_ bytes: [UInt8]) throws -> [WARCReader.Event] {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/t.warc"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let reader = try WARCReader(path: path)
    var out: [WARCReader.Event] = []
    while let e = try reader.next() { out.append(e) }
    return out
}

extension WARCReader.Event {
    var record: WARCRecord? { if case .record(let r) = self { return r }; return nil }
    var problem: (offset: Int, message: String)? { if case .problem(let o, let m) = self { return (o, m) }; return nil }
}
