import Foundation

#if FUZZING
/// The process entry under libFuzzer. SwiftPM links an executable target's entry as `<Target>_main` (and defines
/// `main` as it), so libFuzzer's own `main` is not used: this one hands the command line to libFuzzer's driver.
/// The target is named by `SKILLMATCH_FUZZ_TARGET`.
@_cdecl("SkillMatchFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One input for the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(selectedTarget, bytes)
    return 0
}

let selectedTarget: String = ProcessInfo.processInfo.environment["SKILLMATCH_FUZZ_TARGET"] ?? "catalog-json"
#else
/// Without libFuzzer: `skillmatch-fuzz TARGET FILE...` runs the target on each file (a corpus replay, used by the
/// tests); `skillmatch-fuzz --list` prints the targets.
@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--list" { return print(FuzzTargets.names.joined(separator: "\n")) }
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("usage: skillmatch-fuzz TARGET FILE... (targets: \(FuzzTargets.names.joined(separator: ", ")))\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.run(target, Array(data))
        }
    }
}
#endif
