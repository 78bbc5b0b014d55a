import Testing
@testable import Reader

@Suite("Key map")
struct KeyMapTests {
    struct BindingCase: CustomTestStringConvertible, Sendable {
        var keys: [Key]
        var action: ReaderAction
        var testDescription: String { keys.map(\.label).joined() + " is bound" }
    }

    @Test("the keys readers know from less, w3m and newsboat are bound", arguments: [
        BindingCase(keys: [.char("j")], action: .lines(1)), BindingCase(keys: [.down], action: .lines(1)),
        BindingCase(keys: [.char("k")], action: .lines(-1)), BindingCase(keys: [.up], action: .lines(-1)),
        BindingCase(keys: [.char(" ")], action: .pages(1)), BindingCase(keys: [.char("f")], action: .pages(1)),
        BindingCase(keys: [.pageDown], action: .pages(1)), BindingCase(keys: [.char("b")], action: .pages(-1)),
        BindingCase(keys: [.pageUp], action: .pages(-1)), BindingCase(keys: [.char("d")], action: .halfPages(1)),
        BindingCase(keys: [.ctrl("d")], action: .halfPages(1)), BindingCase(keys: [.char("u")], action: .halfPages(-1)),
        BindingCase(keys: [.ctrl("u")], action: .halfPages(-1)), BindingCase(keys: [.char("g")], action: .top),
        BindingCase(keys: [.home], action: .top), BindingCase(keys: [.char("G")], action: .bottom),
        BindingCase(keys: [.end], action: .bottom), BindingCase(keys: [.char("]")], action: .nextQuotation),
        BindingCase(keys: [.char("[")], action: .previousQuotation), BindingCase(keys: [.char("J")], action: .nextQuotation),
        BindingCase(keys: [.char("}")], action: .nextSpeaker), BindingCase(keys: [.char("{")], action: .previousSpeaker),
        BindingCase(keys: [.tab], action: .focusNext), BindingCase(keys: [.backTab], action: .focusPrevious),
        BindingCase(keys: [.enter], action: .activate), BindingCase(keys: [.char("/")], action: .beginSearch),
        BindingCase(keys: [.char("n")], action: .nextHit), BindingCase(keys: [.char("N")], action: .previousHit),
        BindingCase(keys: [.escape], action: .escape), BindingCase(keys: [.char("?")], action: .toggleHelp),
        BindingCase(keys: [.function(1)], action: .toggleHelp), BindingCase(keys: [.ctrl("l")], action: .redraw),
        BindingCase(keys: [.char("q")], action: .quit), BindingCase(keys: [.char("w")], action: .toggleWhy),
        BindingCase(keys: [.char("i")], action: .toggleWhy), BindingCase(keys: [.char("s")], action: .toggleSpeakerPane),
        BindingCase(keys: [.char("a")], action: .showAll), BindingCase(keys: [.char(":"), .char("n")], action: .nextArticle),
        BindingCase(keys: [.char(":"), .char("p")], action: .previousArticle),
        BindingCase(keys: [.char("y")], action: .copyQuotation), BindingCase(keys: [.char("Y")], action: .copySpeaker),
        BindingCase(keys: [.char("o")], action: .openSource), BindingCase(keys: [.char("O")], action: .cycleSort),
        BindingCase(keys: [.char("v")], action: .cycleKind), BindingCase(keys: [.char("c")], action: .toggleReview),
    ])
    func bound(_ c: BindingCase) {
        #expect(KeyMap.standard.resolve(c.keys) == .action(c.action))
    }

    @Test("g acts at once (as in less); : waits for a second key; unknown keys are unbound")
    func prefixes() {
        #expect(KeyMap.standard.resolve([.char("g")]) == .action(.top))
        #expect(KeyMap.standard.resolve([.char(":")]) == .pending)
        #expect(KeyMap.standard.resolve([.char("x")]) == .unbound)
        #expect(KeyMap.standard.resolve([.char(":"), .char("x")]) == .unbound)
    }

    @Test("no key sequence is bound twice")
    func unique() {
        var seen: [[Key]: String] = [:]
        for b in KeyMap.standard.bindings {
            for seq in b.sequences {
                #expect(seen[seq] == nil, "\(seq.map(\.label)) bound to \(seen[seq] ?? "") and \(b.help)")
                seen[seq] = b.help
            }
        }
    }

    @Test("terminal bytes decode to keys", arguments: [
        (UInt32(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape), (0x7F, .backspace),
        (0x04, .ctrl("d")), (0x15, .ctrl("u")), (0x0C, .ctrl("l")), (0x71, .char("q")), (0x6771, .char("東")),
    ])
    func decode(value: UInt32, key: Key) {
        #expect(Key.fromCharacter(value) == key)
    }
}
