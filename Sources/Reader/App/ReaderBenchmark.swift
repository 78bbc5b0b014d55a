#if canImport(Glibc)
import Glibc
#endif
import Core

/// `voices --bench-reader` (hidden): first paint for a generated 1 MB and 50 MB article and
/// key-to-frame times while paging. A frame is what a key costs the reader: `handle` plus
/// rendering the whole screen into a grid plus finding the cells that changed (the work the
/// terminal does before writing them). Parsing is timed separately.
enum ReaderBenchmark {
    static func run(width: Int = 120, height: Int = 40) {
        print("voices reader benchmark (\(width)x\(height), times in milliseconds)")
        for megabytes in [1, 50] {
            let text = generate(bytes: megabytes << 20)
            let clock = ContinuousClock()
            let t0 = clock.now
            let article = ArticleParser.parse(text)
            let t1 = clock.now
            var state = ReaderState(articles: [article], width: width, height: height)
            let tIndex = clock.now
            var frame = ScreenRenderer.render(state)
            let t2 = clock.now
            print("\(megabytes) MB: parse \(ms(t1 - t0)) · first paint \(ms(t2 - t1)) (state and its index \(ms(tIndex - t1)) + frame \(ms(t2 - tIndex))) · \(article.paragraphs.count) paragraphs, \(article.quotations.count) quotations, \(article.speakers.count) speakers")
            if megabytes == 1 { singleParagraph(width: width, height: height) }
            guard megabytes == 50 else { continue }
            var samples: [Duration] = []
            var cpuSamples: [Double] = []
            var byKey: [String: [Duration]] = [:]
            let keys: [Key] = Array(repeating: .char(" "), count: 600) + Array(repeating: .char("]"), count: 200)
                + Array(repeating: .char("b"), count: 200) + [.char("G")] + Array(repeating: .char("k"), count: 200)
            for key in keys {
                let s = clock.now
                let c0 = threadCPU()
                state.handle(key)
                let next = ScreenRenderer.render(state)
                var changed = 0
                for y in 0..<next.height { for x in 0..<next.width where next[x, y] != frame[x, y] { changed += 1 } }
                frame = next
                samples.append(clock.now - s)
                cpuSamples.append(threadCPU() - c0)
                byKey[key.label, default: []].append(samples.last!)
                if changed < 0 { print(changed) }
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
            for (k, v) in byKey.sorted(by: { $0.key < $1.key }) {
                let v = v.sorted()
                print("  \(k): median \(ms(v[v.count / 2])) · p99 \(ms(v[min(v.count - 1, v.count * 99 / 100)]))")
            }
            print("50 MB key to frame over \(samples.count) keys (Space, ], b, G, k): median \(ms(median)) · p99 \(ms(p99)) · max \(ms(samples.last!))")
            cpuSamples.sort()
            let cpu = { (q: Int) in String(Int((cpuSamples[min(cpuSamples.count - 1, cpuSamples.count * q / 100)] * 1e6).rounded())) }
            print("  the same as CPU time of this thread (without waiting for other processes): median \(cpu(50)) µs · p99 \(cpu(99)) µs")
            // 6,000 characters pasted into the search prompt, a frame after each (the worst
            // case: the reader batches keys already waiting into one frame; while typing only
            // the status line is redrawn), then the search.
            state.handle(.char("/"))
            var pasteWorst = 0.0
            let p0 = threadCPU()
            for ch in String(repeating: "the harbour ", count: 500) {
                let c0 = threadCPU()
                state.handle(.char(ch))
                frame = ScreenRenderer.renderTyping(state, over: frame)
                pasteWorst = max(pasteWorst, threadCPU() - c0)
            }
            let pasteTotal = threadCPU() - p0
            let s0 = threadCPU()
            state.handle(.enter)
            frame = ScreenRenderer.render(state)
            let searchCPU = threadCPU() - s0
            print("  6,000 characters pasted into the prompt, a frame after each: \(Int(pasteTotal * 1000)) ms CPU in all, slowest key \(Int(pasteWorst * 1e6)) µs; then searching 50 MB for them: \(Int(searchCPU * 1000)) ms")
        }
    }

    /// A 5 MB article that is one paragraph (built directly, not parsed): the first paint wraps
    /// the whole paragraph once; later frames reuse it.
    static func singleParagraph(width: Int, height: Int) {
        let words = ["river", "budget", "bridge", "winter", "council", "ferry", "market", "東京", "école", "🎉"]
        var text = "One paragraph\n\n"
        var i = 0
        while text.utf8.count < 5 << 20 { text += words[i % words.count] + (i % 13 == 12 ? ". " : " "); i += 1 }
        let title = TextRange(0, "One paragraph".utf8.count)
        let body = TextRange(title.end + 2, text.utf8.count)
        let article = Article(text: text, title: title, paragraphs: [Paragraph(range: title, sentences: 0..<0, isTitle: true),
                                                                     Paragraph(range: body, sentences: 0..<0)])
        let clock = ContinuousClock()
        let t0 = clock.now
        var state = ReaderState(articles: [article], width: width, height: height)
        _ = ScreenRenderer.render(state)
        let t1 = clock.now
        var worst = Duration.zero
        for key: Key in [.char("G"), .char("b"), .char("g"), .char(" "), .char(" "), .char("k")] {
            let s = clock.now
            state.handle(key)
            _ = ScreenRenderer.render(state)
            worst = max(worst, clock.now - s)
        }
        print("5 MB in one paragraph: first paint \(ms(t1 - t0)) (wraps it all once) · slowest of G b g Space Space k \(ms(worst))")
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func ms(_ d: Duration) -> String {
        let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        return v < 10 ? String(Int((v * 1000).rounded())) .padded(3).insertingDecimal : String(Int(v.rounded()))
    }

    /// Our own generated prose: paragraphs of narration, quotations with speech verbs, pronoun cues.
    static func generate(bytes: Int) -> String {
        let names = ["Mira Castell", "Tomas Brandt", "Ines Okoro", "Paul Vance", "Leah Moritz"]
        let roles = ["the harbour master", "a council member", "the union's spokeswoman", "a retired engineer", "the mayor"]
        let words = ["river", "budget", "bridge", "winter", "council", "ferry", "market", "school", "road", "plan",
                     "vote", "report", "town", "cost", "season", "repair", "station", "office", "season", "pier"]
        var rng: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int((rng >> 33) % UInt64(n)) }
        func sentence(_ count: Int) -> String {
            var s = ""
            for i in 0..<count { s += (i == 0 ? "" : " ") + words[next(words.count)] }
            return s.prefix(1).uppercased() + s.dropFirst()
        }
        var out = "A Generated Town Meeting\n\n"
        out.reserveCapacity(bytes + 1024)
        var p = 0
        while out.utf8.count < bytes {
            let n = next(names.count)
            switch p % 4 {
            case 0: out += "\(names[n]), \(roles[n]), said the \(words[next(20)]) would wait. “\(sentence(9)),” \(names[n].split(separator: " ")[1]) said. \(sentence(14)).\n\n"
            case 1: out += "\(sentence(12)). “\(sentence(7)). \(sentence(6)),” she added.\n\n"
            case 2: out += "The \(words[next(20)]) was called “\(sentence(2).lowercased())” by \(names[n]). \(sentence(18)). \(sentence(10)).\n\n"
            default: out += "\(sentence(20)). \(sentence(15)), according to \(names[n]).\n\n"
            }
            p += 1
        }
        return out
    }
}

private extension String {
    func padded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
    var insertingDecimal: String { String(dropLast(3)) + "." + String(suffix(3)) }
}
