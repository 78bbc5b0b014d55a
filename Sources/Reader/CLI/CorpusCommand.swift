#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Core
import Corpus
import Extract

/// `--format`: what the inputs are when their names do not say.
enum InputChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case warc, html, markdown, text

    var inputFormat: InputFormat? {
        switch self {
        case .warc: return nil
        case .html: return .html
        case .markdown: return .markdown
        case .text: return .text
        }
    }
}

/// Corpora: WARC files streamed record by record, `--files-from`, `--summary`.
extension VoicesCommand {
    /// Handles the runs that involve a corpus (a WARC input, a file list, a summary);
    /// false when the run is an ordinary one, left to `run()`.
    func runCorpusIfNeeded() throws -> Bool {
        var paths = files
        if let filesFrom {
            if filesFrom == "-" && files.contains("-") {
                Output.error("voices: standard input cannot be both the list of files (--files-from -) and an input")
                throw ExitCode(64)
            }
            do { paths += try Self.readFileList(filesFrom) } catch {
                Output.error("voices: " + error.message)
                throw ExitCode(error.exitCode)
            }
            if paths.isEmpty {
                Output.error("voices: \(filesFrom == "-" ? "standard input" : filesFrom): no paths in the list")
                throw ExitCode(66)
            }
        }
        let textModes = json || list || explain || summary
        if paths.isEmpty && textModes { paths = ["-"] }
        // Folders count by what is in them (an error expanding one is reported by whichever run follows).
        let anyWARC = ((try? ArticleLoader().expand(paths)) ?? paths).contains { isWARC($0) }
        if !summary && !anyWARC {
            guard filesFrom != nil else { return false }
            var plain = self
            plain.files = paths
            plain.filesFrom = nil
            try plain.run()
            return true
        }
        if !textModes {
            Output.error("voices: WARC files are read with --json, --summary, --list or --explain (the reader opens single articles)")
            throw ExitCode(64)
        }
        let loader = ArticleLoader(format: format?.inputFormat)
        let inputs: [String]
        do { inputs = try loader.expand(paths) } catch {
            Output.error("voices: " + error.message)
            throw ExitCode(error.exitCode)
        }
        let mode: CorpusRun.Mode = summary ? .summary : json ? .json : .listing(explain: explain)
        let run = CorpusRun(inputs: inputs, several: inputs.count > 1 || inputs != files, mode: mode, loader: loader,
                            isWARC: inputs.map(isWARC))
        let code = try run.execute(jobs: jobs ?? BatchRunner.defaultJobs)
        if code != 0 { throw ExitCode(code) }
        return true
    }

    func isWARC(_ path: String) -> Bool {
        if format == .warc { return true }
        if format != nil || path == "-" { return false }
        return WARCReader.hasWARCName(path) || WARCReader.sniff(path: path)
    }

    /// Paths one per line (a trailing CR is dropped; blank lines are skipped), from a file or "-".
    static func readFileList(_ path: String) throws(LoadError) -> [String] {
        var loader = ArticleLoader()
        loader.maxBytes = 256 << 20
        let bytes: [UInt8]
        do { bytes = try loader.readBytes(path) } catch {
            // An empty list is not "empty file" (readBytes refuses nothing here, but be explicit).
            throw error
        }
        return bytes.split(separator: 0x0A).compactMap { line in
            var l = line
            if l.last == 0x0D { l = l.dropLast() }
            return l.isEmpty ? nil : String(decoding: l, as: UTF8.self)
        }
    }
}

/// One run over a corpus: items are read in order on this thread (records of WARC files,
/// or whole files), parsed in parallel, and printed in order.
struct CorpusRun {
    enum Mode: Sendable { case json, listing(explain: Bool), summary }

    let inputs: [String]
    let several: Bool
    let mode: Mode
    let loader: ArticleLoader
    let isWARC: [Bool]

    /// What the reading thread hands to the workers.
    enum Item: Sendable {
        case record(WARCRecord, source: String?)
        case file(String, source: String?)
        case openFailed(String, code: Int32)
        case problem(path: String, offset: Int, message: String)
        case oversized(String)
        case endOfWARC(String)
    }

    /// What a worker hands back, in order.
    enum Result: Sendable {
        case printed(String, warnings: [String])
        case digest(SpeakerSummary.ArticleDigest, warnings: [String])
        case skipped(WARCPages.Skip)
        case failed(String, code: Int32)
        case problem(String)
        case endOfWARC(String)
    }

    /// Counts for one WARC file's closing line on stderr.
    struct Tally {
        var records = 0, articles = 0, damaged = 0
        var skips: [WARCPages.Skip.Kind: [String: Int]] = [:]
        var skipCount: Int { skips.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

        func line(_ path: String) -> String {
            let name = path == "-" ? "standard input" : path
            var s = "voices: \(name): \(records) record\(records == 1 ? "" : "s"), \(articles) article\(articles == 1 ? "" : "s")"
            if skipCount > 0 {
                s += "; skipped \(skipCount) — " + skips.keys.sorted().map { kind in
                    let details = skips[kind]!
                    let n = details.values.reduce(0, +)
                    let named = details.filter { !$0.key.isEmpty }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    var part = "\(kind.label): \(n)"
                    if !named.isEmpty {
                        part += " (" + named.prefix(4).map { "\(Self.visible($0.key)) \($0.value)" }.joined(separator: ", ")
                        part += named.count > 4 ? ", …)" : ")"
                    }
                    return part
                }.joined(separator: ", ")
            }
            if damaged > 0 { s += "; \(damaged) damaged record\(damaged == 1 ? "" : "s") reported above" }
            return s
        }

        /// Controls in text from the file shown as visible symbols, never sent raw.
        static func visible(_ s: String) -> String { TerminalText.line(s) }
    }

    func execute(jobs: Int) throws -> Int32 {
        var inputIndex = 0
        var reader: WARCReader?
        var readerSource: String?
        var readerPath = ""
        let several = self.several
        // The reading side: next item, or nil when every input is done.
        func next() throws -> Item? {
            while true {
                if let r = reader {
                    let event: WARCReader.Event?
                    do { event = try r.next() } catch {
                        reader = nil
                        return .openFailed(error.message, code: error.exitCode)
                    }
                    switch event {
                    case .record(let rec): return .record(rec, source: readerSource)
                    case .oversized(let offset, _, let bytes):
                        return .oversized("record at byte \(offset) (\(bytes) bytes)")
                    case .problem(let offset, let message): return .problem(path: readerPath, offset: offset, message: message)
                    case nil:
                        reader = nil
                        return .endOfWARC(readerPath)
                    }
                }
                guard inputIndex < inputs.count else { return nil }
                let path = inputs[inputIndex], warc = isWARC[inputIndex]
                inputIndex += 1
                let source = several ? path : nil
                if !warc { return .file(path, source: source) }
                do {
                    reader = try WARCReader(path: path)
                    readerSource = source
                    readerPath = path
                } catch {
                    return .openFailed(error.message, code: error.exitCode)
                }
            }
        }
        let mode = self.mode, loader = self.loader
        var tally = Tally()
        var summary = SpeakerSummary()
        var failed: Int32 = 0
        var damaged = false
        do {
            try OrderedPipeline.run(jobs: jobs, window: max(8, jobs * 4), next: next, work: { item in
                Self.work(item, mode: mode, loader: loader)
            }, emit: { result in
                switch result {
                case .printed(let text, let warnings):
                    warnings.forEach(Output.error)
                    try Output.write(text)
                    tally.records += 1; tally.articles += 1
                case .digest(let d, let warnings):
                    warnings.forEach(Output.error)
                    summary.add(d)
                    tally.records += 1; tally.articles += 1
                case .skipped(let skip):
                    tally.records += 1
                    tally.skips[skip.kind, default: [:]][skip.detail ?? "", default: 0] += 1
                case .failed(let message, let code):
                    Output.error(message)
                    failed = code
                case .problem(let message):
                    Output.error(message)
                    tally.damaged += 1
                    damaged = true
                case .endOfWARC(let path):
                    Output.error(tally.line(path))
                    tally = Tally()
                }
            })
            if case .summary = mode {
                for line in summary.lines() { try Output.write(SpeakerSummary.json(line) + "\n") }
            }
        } catch {
            if Output.isBrokenPipe(error) { return 0 }
            if let e = error as? Output.WriteError {
                Output.error("voices: cannot write output: \(e)")
                return 74
            }
            throw error
        }
        if failed != 0 { return failed }
        return damaged ? 65 : 0
    }

    /// The parallel side: one item parsed and rendered.
    static func work(_ item: Item, mode: Mode, loader: ArticleLoader) -> Result {
        switch item {
        case .openFailed(let message, let code):
            return .failed("voices: " + message, code: code)
        case .problem(let path, let offset, let message):
            return .problem("voices: \(path == "-" ? "standard input" : path): record at byte \(offset): \(message)")
        case .oversized(let what):
            _ = what
            return .skipped(WARCPages.Skip(.oversized))
        case .endOfWARC(let path):
            return .endOfWARC(path)
        case .file(let path, let source):
            do throws(LoadError) {
                let article = try loader.load(path)
                let warnings = ArticleLoader.decodingWarnings(article, path: path)
                return render(article, source: source, warc: nil, mode: mode, warnings: warnings)
            } catch {
                return .failed("voices: " + error.message, code: error.exitCode)
            }
        case .record(let record, let source):
            let page: WARCPages.Page
            switch WARCPages.classify(record) {
            case .failure(let skip): return .skipped(skip)
            case .success(let p): page = p
            }
            let article: Article
            do { article = try ArticleInput.parse(bytes: page.body, format: page.format, transportCharset: page.charset) } catch {
                return .skipped(WARCPages.Skip(.noArticleText))
            }
            // A page's own notes (encodings, replaced bytes) are in its JSON `diagnostics`;
            // on stderr a corpus would drown in them.
            return render(article, source: source, warc: page, mode: mode, warnings: [])
        }
    }

    static func render(_ article: Article, source: String?, warc: WARCPages.Page?, mode: Mode, warnings: [String]) -> Result {
        switch mode {
        case .summary:
            return .digest(SpeakerSummary.ArticleDigest(article), warnings: warnings)
        case .json:
            var doc = ArticleJSON.render(article, source: source)
            if let warc, doc.hasSuffix("}") {
                doc.removeLast()
                doc += ", \"warc\": " + warcJSON(warc) + "}"
            }
            return .printed(doc + "\n", warnings: warnings)
        case .listing(let explain):
            var head = ""
            if let warc {
                head = "── " + Tally.visible(warc.targetURI ?? "(no target URI)") + " · record at byte \(warc.offset)"
                if let d = warc.date { head += " · " + Tally.visible(d) }
                head += "\n\n"
            }
            return .printed(head + ArticleListing.render(article, explain: explain) + (warc == nil ? "" : "\n"), warnings: warnings)
        }
    }

    /// The record's identity in a JSON line: `"warc": {"recordId", "targetUri", "date", "offset"}`.
    static func warcJSON(_ p: WARCPages.Page) -> String {
        func s(_ v: String?) -> String { v.map(SpeakerSummary.quoted) ?? "null" }
        return "{\"recordId\": \(s(p.recordID)), \"targetUri\": \(s(p.targetURI)), \"date\": \(s(p.date)), \"offset\": \(p.offset)}"
    }
}
