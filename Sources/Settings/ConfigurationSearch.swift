import Foundation

/// Where the configuration file is looked for, in order, and where the shipped data of an
/// installed binary lives.
public enum ConfigurationSearch {
    /// The places a start looks, each with why: `--config`, `$PRACTICED_CONFIG`, the working
    /// directory's `config/practiced.yaml`, the user's (`$XDG_CONFIG_HOME`, else `~/.config`),
    /// the system's. A file named by --config or the variable is the only place looked at: a
    /// mistyped name is an error, not a silent fall back to another file.
    public static func places(explicit: URL?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> [(file: URL, why: String)] {
        if let explicit { return [(explicit, "--config")] }
        if let named = environment["PRACTICED_CONFIG"], !named.isEmpty {
            return [(URL(fileURLWithPath: named, relativeTo: workingDirectory), "PRACTICED_CONFIG")]
        }
        let userConfig = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? environment["HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent(".config") }
        return [(workingDirectory.appendingPathComponent("config/practiced.yaml"), "working directory")]
            + (userConfig.map { [($0.appendingPathComponent("practiced/practiced.yaml"), "XDG_CONFIG_HOME")] } ?? [])
            + [(URL(fileURLWithPath: "/etc/practiced/practiced.yaml"), "system")]
    }

    /// The first file that exists of `places`; an error naming every place looked otherwise.
    public static func locate(explicit: URL?) throws -> URL {
        let candidates = places(explicit: explicit)
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.file.path) }) else {
            throw SettingsError.missingFile(looked: candidates.map { ($0.file.standardizedFileURL.path, $0.why) })
        }
        return found.file.standardizedFileURL
    }

    /// `<prefix>/share/practiced` of an installed binary (`<prefix>/bin/practiced`), when it
    /// exists: the shipped data a configuration does not name is found there.
    public static let shareDirectory: URL? = {
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let share = binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/practiced")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: share.path, isDirectory: &isDirectory) && isDirectory.boolValue ? share : nil
    }()
}
