import Testing
import Core
@testable import Reader

@Suite("The work people come for: copy, export, find, sort, share of voice, review, source")
struct WorkflowTests {
    var council: Article {
        var a = ArticleBuilder.council.build()
        a.url = "https://example.org/pier"
        return a
    }

    func typed(_ keys: [Key], into s: ReaderState) -> ReaderState {
        var s = s
        for k in keys { s.handle(k) }
        return s
    }

    @Test("y copies the quotation with its speaker, role, title and source address")
    func copyQuotation() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s = typed([.char("]"), .char("]"), .char("y")], into: s)
        #expect(s.effects == [.copy("“We had no choice.” — Ann Lee, Mayor of the town of Port Ellery (Pier to close, https://example.org/pier)")])
        #expect(s.message == "Copied the quotation with its attribution")
        s.effects = []
        s.handle(.char("]"))
        s.handle(.char("y"))
        #expect(s.effects == [.copy("(reported) the vote was rushed — Bo Park, chair of the users' group (Pier to close, https://example.org/pier)")])
    }

    @Test("Y copies every statement of the selected speaker")
    func copySpeaker() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s.handle(.char("Y"))
        #expect(s.effects.isEmpty)
        #expect(s.message == "No speaker selected (} selects one)")
        s = typed([.char("}"), .char("Y")], into: s)
        #expect(s.effects == [.copy("• “painful”\n• “We had no choice.”\n— Ann Lee, Mayor of the town of Port Ellery (Pier to close, https://example.org/pier)")])
    }

    @Test("copied text never carries control characters")
    func copyIsClean() {
        let a = ArticleBuilder(title: "T", paragraphs: ["Ann said: “bad\u{1B}[31m ink.”"], speakers: [.init(name: "Ann")],
                               quotes: [.init(words: "bad\u{1B}[31m ink.", speaker: 0)]).build()
        var s = ReaderState(articles: [a], width: 100, height: 30)
        s = typed([.char("]"), .char("y")], into: s)
        guard case .copy(let text)? = s.effects.first else { Issue.record("nothing copied"); return }
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(text.contains("␛[31m"))
    }

    @Test("o asks to open the canonical address; without one it says so")
    func openSource() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s.handle(.char("o"))
        #expect(s.effects == [.open("https://example.org/pier")])
        var t = ReaderState(articles: [ArticleBuilder.council.build()], width: 100, height: 30)
        t.handle(.char("o"))
        #expect(t.effects.isEmpty)
        #expect(t.message == "This article gives no source address")
        #expect(Browser.command("firefox") == "firefox \"$1\"")
        #expect(Browser.command("w3m %s:lynx") == "w3m \"$1\"")
    }

    @Test("/ in the speaker pane filters it by name; Enter keeps the filter, Esc clears it")
    func filterSpeakers() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s = typed([.tab, .char("/"), .char("p"), .char("a"), .char("r")], into: s)
        #expect(s.promptKind == .speakerFilter)
        #expect(s.paneEntries.map { s.index.entries[$0] } == [.speaker(2)])
        #expect(s.document.selectedEntry == s.index.entries.firstIndex(of: .speaker(2)), "the cursor moves into what is shown")
        let pane = screen(s).lines.map { $0.components(separatedBy: "│").last ?? "" }.joined(separator: "\n")
        #expect(pane.contains("Speakers (1 of 3)"))
        #expect(pane.contains("Bo Park") && !pane.contains("Ann Lee"))
        s.handle(.enter)
        #expect(s.speakerFilter == "par")
        #expect(StatusLine.text(s, width: 100).left.contains("speakers: par"))
        s.handle(.escape)
        #expect(s.speakerFilter == "")
        // Accents and case fold as in search.
        s = typed([.char("/")] + "ÁNN".map { Key.char($0) } + [.enter], into: s)
        #expect(s.paneEntries.map { s.index.entries[$0] } == [.speaker(0)])
    }

    @Test("/ in the speaker index (S) filters it; j k and Enter work on what is shown; Esc clears, then closes")
    func filterIndex() {
        let other = ArticleBuilder(title: "Ferry", paragraphs: ["Cy Moss said: “Back for good.”"], speakers: [.init(name: "Cy Moss")],
                                   quotes: [.init(words: "Back for good.", speaker: 0)]).build()
        var s = ReaderState(articles: [council, other], width: 100, height: 30)
        s.handle(.char("S"))
        s = typed([.char("/"), .char("m"), .char("o"), .char("s")], into: s)
        #expect(s.indexEntries.map { s.speakerIndex.entries[$0].name } == ["Cy Moss"])
        guard case .speakerIndex(let e, nil) = s.overlay else { Issue.record("the index closed"); return }
        #expect(s.speakerIndex.entries[e].name == "Cy Moss", "the cursor moves into what is shown")
        let view = screen(s).trimmedLines.joined(separator: "\n")
        #expect(view.contains("1 of 4 speakers"))
        #expect(!view.contains("Ann Lee"))
        s.handle(.enter)
        #expect(s.prompt == nil && s.indexFilter == "mos")
        s.handle(.char("j"))
        s.handle(.enter)
        #expect(s.current == 1, "Enter jumps to Cy Moss's statement in the second article")
        #expect(s.overlay == nil)
        s.handle(.char("S"))
        s.handle(.char("/"))
        s.handle(.escape)
        #expect(s.indexFilter == "")
        if case .speakerIndex = s.overlay {} else { Issue.record("Esc in the prompt keeps the index open") }
    }

    @Test("N} selects speaker N of the pane; the pane numbers its rows while a count is typed")
    func speakerByNumber() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s.handle(.char("2"))
        let pane = screen(s).lines.map { $0.components(separatedBy: "│").last ?? "" }
        #expect(pane.contains { $0.hasPrefix("2") && $0.contains("Bo Park") })
        s.handle(.char("}"))
        #expect(s.document.selectedEntry == 1)
        #expect(s.index.entries[1] == .speaker(2))
        s = typed([.char("9"), .char("}")], into: s)
        #expect(s.message == "No speaker 9")
    }

    @Test("O sorts the pane by statements, then by words quoted with a narration bar")
    func sortAndShare() {
        let a = ArticleBuilder(title: "Votes", paragraphs: [
            "Ann said: “Yes.”",
            "Bo said: “No, no, and again no, for all the reasons I gave.” Bo said the vote was a long and sorry mistake.",
            "Cy said: “Maybe.” Cy said: “Later.” Cy said: “Never.”",
        ], speakers: [.init(name: "Ann"), .init(name: "Bo"), .init(name: "Cy")],
        quotes: [.init(words: "Yes.", speaker: 0), .init(words: "No, no, and again no, for all the reasons I gave.", speaker: 1),
                 .init(words: "the vote was a long and sorry mistake", kind: .indirect, speaker: 1),
                 .init(words: "Maybe.", speaker: 2), .init(words: "Later.", speaker: 2), .init(words: "Never.", speaker: 2)]).build()
        var s = ReaderState(articles: [a], width: 100, height: 30)
        #expect(s.paneEntries == [0, 1, 2])
        s.handle(.char("O"))
        #expect(s.sort == .statements)
        #expect(s.paneEntries == [2, 1, 0])
        s.handle(.char("O"))
        #expect(s.sort == .words)
        #expect(s.paneEntries == [1, 2, 0])
        let voice = s.index.voice(of: a)
        #expect(voice.entries[1] == Voice.Share(quoted: 11, reported: 8))
        #expect(voice.entries[2] == Voice.Share(quoted: 3, reported: 0))
        #expect(voice.narration == voice.total - 23)
        let pane = screen(s).lines.map { $0.components(separatedBy: "│").last ?? "" }
        #expect(pane[0].contains("Speakers (3) by words"))
        #expect(pane[1].contains("narration") && pane[1].contains("█"))
        #expect(pane[2].contains("Bo") && pane[2].contains("▒"), "reported speech shows as its own shade")
        #expect(SpeakerPane.bar(quoted: 1, reported: 0, of: 100, width: 6) == "▏     ")
        #expect(SpeakerPane.bar(quoted: 50, reported: 0, of: 100, width: 6) == "███   ")
    }

    @Test("v walks one kind; c walks the attributions below the threshold with why a key away")
    func review() {
        let a = ArticleBuilder(title: "Review", paragraphs: ["Ann said: “Sure.” Bo said: “Perhaps.” Cy said: “Never.”"],
                               speakers: [.init(name: "Ann"), .init(name: "Bo"), .init(name: "Cy")],
                               quotes: [.init(words: "Sure.", speaker: 0, confidence: 0.95), .init(words: "Perhaps.", speaker: 1, confidence: 0.5),
                                        .init(words: "Never.", speaker: 2, confidence: 0.6)]).build()
        var s = ReaderState(articles: [a], width: 100, height: 30)
        s.handle(.char("c"))
        #expect(s.review)
        #expect(s.walkList == [1, 2])
        s.handle(.char("]"))
        #expect(s.document.selectedQuotation == 1)
        #expect(StatusLine.text(s, width: 100).left.contains("review <70%"))
        s.handle(.char("w"))
        #expect(Overlays.whyLines(s).contains { $0.text.contains("50% (below the review threshold)") })
        s.handle(.char("]"))
        #expect(s.document.selectedQuotation == 2, "] walks on inside the why box")
        s.handle(.char("]"))
        #expect(s.document.selectedQuotation == 2)
        var t = ReaderState(articles: [a], width: 100, height: 30)
        t = typed([.char("5"), .char("5"), .char("c")], into: t)
        #expect(t.review && t.reviewThreshold == 0.55)
        #expect(t.walkList == [1], "55c: only the attribution below 55%")
        #expect(StatusLine.text(t, width: 100).left.contains("review <55%"))
        var k = ReaderState(articles: [council], width: 100, height: 30)
        k.handle(.char("v"))
        #expect(k.kindFilter == .direct)
        #expect(k.walkList.allSatisfy { k.article.quotations[$0].kind == .direct })
        k.handle(.char("v"))
        #expect(k.kindFilter == .partial)
        k.handle(.char("v")); k.handle(.char("v"))
        #expect(k.kindFilter == nil)
    }

    @Test("--speaker keeps one speaker's statements in the listing and the JSON")
    func exportSpeaker() {
        let a = council
        let ids = SpeakerSelection.matching("park", in: a)
        #expect(ids == [2])
        #expect(SpeakerSelection.matching("ÁNN LEE", in: a) == [0])
        let listing = ArticleListing.render(a, speakers: ids)
        #expect(listing.contains("Bo Park"))
        #expect(!listing.contains("Ann Lee") && !listing.contains("Unattributed"))
        let cut = SpeakerSelection.restricted(a, to: ids)
        #expect(cut.speakers.map(\.name) == ["Bo Park"])
        #expect(cut.quotations.count == 2)
        #expect(cut.speakers[0].statements == [0, 1])
        #expect(cut.quotations.allSatisfy { $0.speaker == 0 })
        #expect(cut.string(cut.quotations[1].range) == "Nobody asked us,")
        let json = ArticleJSON.render(cut)
        #expect(json.contains("Bo Park") && !json.contains("Ann Lee"))
    }

    @Test("the listing shows the narration and each speaker's share of words as bars")
    func listingShare() {
        let listing = ArticleListing.render(council)
        #expect(listing.contains("Narration "))
        #expect(listing.contains("  voice █"))
        #expect(listing.contains("words quoted"))
    }

    @Test("a maximum text width and a wider pane on a wide terminal")
    func widths() {
        var s = ReaderState(articles: [council], width: 200, height: 30)
        let before = s.screen.speakers!.width
        s.handle(.char(">"))
        #expect(s.screen.speakers!.width == before + 4)
        s.handle(.char("<")); s.handle(.char("<"))
        #expect(s.screen.speakers!.width == before - 4)
        s.maxTextWidth = 80
        #expect(s.screen.textWidth == 80)
        let narrow = ScreenLayout.compute(width: 200, height: 30, showSpeakers: false, maxTextWidth: 80)
        #expect(narrow.textWidth == 80)
    }
}

@Suite("Speaker colours: contrast measured on dark and light backgrounds")
struct PaletteTests {
    let black = (0, 0, 0), white = (255, 255, 255)

    @Test("every 256-colour speaker colour is at least 3.5:1 on black and on white")
    func extended() {
        for n in Palette.extended {
            let c = Palette.rgb(xterm: n)
            #expect(Palette.contrast(c, black) >= 3.5, "colour \(n) on black: \(Palette.contrast(c, black))")
            #expect(Palette.contrast(c, white) >= 3.5, "colour \(n) on white: \(Palette.contrast(c, white))")
        }
        #expect(Set(Palette.extended).count == 12)
    }

    @Test("the eight-colour order puts the most legible first (the most quoted speaker is not blue)")
    func basic() {
        let worst = Palette.basic.map { min(Palette.contrast(Palette.systemRGB[$0], black), Palette.contrast(Palette.systemRGB[$0], white)) }
        #expect(worst == worst.sorted(by: >))
        #expect(worst[0] >= 4.4 && worst[1] >= 3.5)
        #expect(Palette.basic.first != 4, "not blue")
    }

    @Test("contrast is computed as WCAG 2 defines it")
    func formula() {
        #expect(abs(Palette.contrast(black, white) - 21) < 0.01)
        #expect(abs(Palette.contrast((0, 0, 238), black) - 2.23) < 0.01, "xterm's blue on black: the 2:1 of the report")
    }

    @Test("speakers beyond twelve get markers of their own")
    func markers() {
        let all = (0..<300).map(Theme.marker(number:))
        #expect(Set(all).count == 300)
        #expect(all[12] == "a" && all[63] == "Z")
    }
}
