// The libFuzzer entry point: bytes → ArticleParser.parse(bytes:) (or, after a first byte of
// 0x01 or 0x02, Extract's HTML or Markdown reader) → ArticleJSON.render and the listings, with
// the invariants of Tests/RobustnessTests/Support/ArticleInvariants.swift checked per input.
// Built by Fuzz/build into one module with Core's sources (see Fuzz/README in docs/robustness.md).
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func voicesFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = ArticleInvariants.check(bytes: bytes)
    if !problems.isEmpty {
        fatalError("invariant violated (\(problems.count)): " + problems.prefix(5).joined(separator: "; "))
    }
    return 0
}

/// With VOICES_FUZZ_WRITE_SEEDS=DIR, writes the generated nasty inputs (too big to commit)
/// into DIR and exits; Fuzz/run runs them once before fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func voicesFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard let dir = getenv("VOICES_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return 0 }
    let scale = getenv("VOICES_FUZZ_SCALE").flatMap { Double(String(cString: $0)) } ?? 1
    for (name, bytes) in NastyInputs.all(scale: scale) {
        let path = dir + "/" + name.replacing(" ", with: "-")
        guard let f = fopen(path, "wb") else { fputs("cannot write \(path)\n", stderr); exit(1) }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
    }
    exit(0)
}
