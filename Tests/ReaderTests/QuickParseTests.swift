import ArgumentParser
import Testing
@testable import Reader

/// `VoicesCommand.quickParse` reads the common command lines without argument-parser; what
/// it makes must be what argument-parser makes, property wrapper for property wrapper.
@Suite("The command line read without argument-parser")
struct QuickParseTests {
    /// The command's stored properties as argument-parser's wrappers print them (a property
    /// left unset would print as its definition, not as a value).
    static func describe(_ command: VoicesCommand) -> String {
        var out = ""
        Swift.dump(command, to: &out)
        return out
    }

    @Test("the same command as argument-parser's", arguments: [
        ["a.txt"], ["--json", "a.txt"], ["--list", "a.txt", "b.md"], ["--explain", "folder"],
        ["--index", "a", "b"], ["--text", "page.html"], ["--summary", "x.warc"], ["--json", "--no-state"],
        ["--mouse", "a.txt"], ["a.txt", "--json"], ["", "--list"], ["--json"], [], ["--no-state", "--mouse", "a b.txt"],
    ])
    func sameAsArgumentParser(_ arguments: [String]) throws {
        let quick = try #require(VoicesCommand.quickParse(arguments))
        let full = try #require(try VoicesCommand.parseAsRoot(arguments) as? VoicesCommand)
        #expect(Self.describe(quick) == Self.describe(full))
    }

    @Test("anything else is left to argument-parser", arguments: [
        ["-"], ["--"], ["--help"], ["-h"], ["--version"], ["--jobs", "2", "a.txt"], ["--jobs=2"], ["--json", "--json", "a"],
        ["--json", "--list", "a"], ["--speaker", "Lee", "--list", "a"], ["--color", "never", "a"], ["-x"], ["--frobnicate"],
        ["--summary", "--list", "a"], ["--format", "html", "a"], ["--max-width", "40", "a"], ["--debug-crash"],
        ["--bench-reader"], ["--reported-candidates", "a"], ["--files-from", "list"], ["--generate-completion-script", "bash"],
    ])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(VoicesCommand.quickParse(arguments) == nil)
    }
}
