import Analyzer
import Features
import Foundation
import Importer
import Profiles
import Regions
import Settings

/// The project's configuration, loaded as the command line loads it (`config/practiced.yaml`,
/// environment overrides), and the stages under test built from it once per process.
public enum FuzzConfiguration {
    /// The project root: Fuzz/Sources/FuzzSupport/ is three levels below it.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let settings: Settings = loading("the configuration") {
        try loadSettings(root.appendingPathComponent("config/practiced.yaml"))
    }

    /// The importer as `practiced import` builds it.
    public static let importer: Importer = loading("the importer") {
        try Importer(rules: try ImportRules.load(from: settings.importRulesFile),
                     divisionsDirectory: settings.divisionsDirectory, maxBytes: settings.importMaxBytes)
    }

    /// The profile analyser as the daemon builds it (Sources/practiced/Loading.swift).
    public static let profileAnalyzer: ProfileAnalyzer = loading("the profile analyser") {
        let sources = LexiconSources(jiebaDictionary: settings.jiebaDictionary, hmmDirectory: settings.jiebaHMMDirectory,
                                     domainDictionary: settings.domainDictionary)
        let lexicon = try LexiconLoader.load(sources, cache: settings.lexiconCacheDirectory.appendingPathComponent("jieba+domain.lexicon"))
        let analyzer = TermAnalyzer(segmenter: Segmenter(lexicon: lexicon), stopWords: try StopWords(contentsOf: settings.stopWords))
        let gazetteer = try Gazetteer(
            resolver: RegionResolver(directory: settings.divisionsDirectory), factsFile: settings.regionFactsFile,
            macroRegionsFile: settings.divisionsDirectory.appendingPathComponent("macro-regions.csv"))
        return ProfileAnalyzer(analyzer: analyzer, tagger: Tagger(taxonomy: try Taxonomy.load(from: settings.taxonomyFile)),
                               gazetteer: gazetteer, cues: try ProfileCues.load(from: settings.profileCuesFile),
                               maxTextCharacters: settings.maxTextCharacters)
    }

    /// A fuzzer without its configuration cannot run: say why and stop (not a finding).
    private static func loading<T>(_ what: String, _ body: () throws -> T) -> T {
        do { return try body() } catch {
            FileHandle.standardError.write(Data("cannot load \(what): \(error)\n".utf8))
            exit(2)
        }
    }

    /// `Settings.load` is async; libFuzzer's callbacks are not.
    private static func loadSettings(_ file: URL) throws -> Settings {
        let outcome = SettingsOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { outcome.result = .success(try await Settings.load(from: file)) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }
}

/// Hands the settings from the loading task to the waiting thread (the semaphore orders the two).
private final class SettingsOutcome: @unchecked Sendable {
    var result: Result<Settings, any Error>?
}
