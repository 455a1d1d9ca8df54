import Foundation
import Testing

/// The configuration as a user meets it from any folder: looked up in order (--config,
/// $PRACTICED_CONFIG, ./config/practiced.yaml, $XDG_CONFIG_HOME/practiced/, /etc/practiced/),
/// relative paths taken from the file's folder, and an error naming every place looked.
@Suite struct ConfigurationSearchTests {
    /// A user's environment with no configuration named: HOME and XDG_CONFIG_HOME in `home`.
    func userEnvironment(_ home: URL) -> [String: String] {
        ["PRACTICED_CONFIG": "", "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("xdg").path]
    }

    @Test func withoutAConfigurationTheErrorNamesEveryPlaceLooked() throws {
        // A machine with the product installed system-wide would find /etc's file.
        try #require(!FileManager.default.fileExists(atPath: "/etc/practiced/practiced.yaml"))
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try practiced(["cases"], environment: userEnvironment(home), directory: home)
        #expect(result.status == 1)
        for place in [home.appendingPathComponent("config/practiced.yaml").path, home.appendingPathComponent("xdg/practiced/practiced.yaml").path,
                      "/etc/practiced/practiced.yaml"] {
            #expect(result.errors.contains(place), "the error does not name \(place): \(result.errors)")
        }
    }

    @Test func aMistypedConfigOptionIsAnErrorNamingIt() throws {
        let result = try practiced(["cases", "--config", "/nonexistent/practiced.yaml"], directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 1)
        #expect(result.errors.contains("/nonexistent/practiced.yaml (--config)"), "\(result.errors)")
        #expect(!result.errors.contains("/etc/practiced"), "an explicit file is the only place looked: \(result.errors)")
    }

    @Test func aUsersConfigurationIsFoundFromAnyFolderWithPathsFromItsFolder() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("xdg/practiced")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my-corpus"), withIntermediateDirectories: true)
        let shipped = projectRoot.appendingPathComponent("Models/corpus/000.jsonl")
        try FileManager.default.copyItem(at: shipped, to: folder.appendingPathComponent("my-corpus/000.jsonl"))
        // The corpus relative (from the file's folder), the shipped data where the project keeps it.
        try """
        corpus:
          directory: my-corpus
        regions:
          divisions: \(projectRoot.path)/config/divisions
          facts: \(projectRoot.path)/config/region-facts.csv
        """.write(to: folder.appendingPathComponent("practiced.yaml"), atomically: true, encoding: .utf8)
        let result = try practiced(["cases", "--format", "json"], environment: userEnvironment(home), directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.errors)")
        let expected = try String(contentsOf: shipped, encoding: .utf8).split(separator: "\n").count
        let cases = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((cases?["cases"] as? [Any])?.count == expected)
    }
}
