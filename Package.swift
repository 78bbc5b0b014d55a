// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Voices",
    products: [
        .executable(name: "voices", targets: ["Reader"]),
        .library(name: "Core", targets: ["Core"]),
        .library(name: "Extract", targets: ["Extract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The C boundary to ncursesw: nothing but a module map and a header of shims.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The C boundary to libxml2's HTML parser: a module map and a header, nothing else.
        // The include path (/usr/include/libxml2) comes from pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The C boundary to zlib: gzip members of WARC files, gzip-encoded HTTP bodies.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The C boundary to cmark-gfm, the reference CommonMark parser (with GitHub's
        // extensions) that reads Markdown notes: a module map and a header.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The parsing model: pure value types, no I/O beyond decoding bytes handed to it.
        .target(name: "Core"),
        // Input formats: HTML pages and Markdown notes turned into the plain text Core
        // parses (title, paragraphs, block quotes as quotations), and the speaker index
        // across several articles. No I/O: bytes in, text out.
        .target(name: "Extract", dependencies: ["Core", "CLibXML2", "CCmarkGFM"]),
        // Corpora: WARC files (ISO 28500) read record by record, their HTTP responses as
        // pages, and the speaker summary over a batch.
        .target(name: "Corpus", dependencies: ["Core", "Extract", "CZlib"]),
        // The curses front end and the command line (executable `voices`).
        //
        // A release build carries the Swift runtime inside the binary (`-static-stdlib`, with
        // the two libraries Foundation's static archive needs after it): it runs on a machine
        // without a Swift toolchain (a Spark executor, a server) and starts without loading and
        // relocating a dozen shared Swift libraries, 6.4 M instructions (about 1.5 ms) less
        // per run, which a script calling `voices` once per file pays every time. (The static
        // Foundation archive's linker warning about `mktemp` is Foundation's own.) A crash still
        // prints its message and place and gives the terminal back; for the full backtrace, name
        // the static backtracer: SWIFT_BACKTRACE=swift-backtrace=/opt/swift/usr/libexec/swift/
        // linux/swift-backtrace-static. Debug builds and the tests link the shared libraries.
        .executableTarget(
            name: "Reader",
            dependencies: [
                "Core", "Extract", "CNcurses", "Corpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(configuration: .release)),
            ]
        ),
        // Helpers the test targets share (spawning the built binary without Foundation's Process).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader", "Core"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "Core", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "Extract", "Core", "TestSupport"]),
        // Fuzz-corpus invariants, the bad-input matrix against the built binary, state files.
        .testTarget(name: "RobustnessTests", dependencies: ["Reader", "Core", "Extract", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
