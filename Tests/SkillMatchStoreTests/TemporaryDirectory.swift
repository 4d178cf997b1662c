import Foundation

/// A fresh folder under the system's temporary folder, removed when the value is deinitialised.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "skillmatch-store-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
