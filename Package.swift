// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Voices",
    products: [
        .executable(name: "voices", targets: ["Reader"]),
        .library(name: "Core", targets: ["Core"]),
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
        // The parsing model: pure value types, no I/O beyond decoding bytes handed to it.
        .target(name: "Core"),
        // The curses front end and the command line (executable `voices`).
        .executableTarget(
            name: "Reader",
            dependencies: [
                "Core", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader", "Core"]),
        // Fuzz-corpus invariants, the bad-input matrix against the built binary, state files.
        .testTarget(name: "RobustnessTests", dependencies: ["Reader", "Core"]),
    ],
    swiftLanguageModes: [.v6]
)
