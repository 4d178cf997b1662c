import Foundation

/// The real third-party data sets in `../shared/datasets` beside the package (never copied into it); tests that
/// read them are skipped where they are absent.
enum SharedDatasets {
    /// `../shared/datasets/NAME`.
    static func folder(_ name: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // the file, its test folder, Tests
        return url.deletingLastPathComponent().path + "/shared/datasets/" + name
    }
}
