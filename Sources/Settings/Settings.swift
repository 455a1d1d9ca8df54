import Configuration
import Foundation

/// What `config/practiced.yaml` says, with every path made absolute.
///
/// Relative paths in the file are taken from the project root: the directory that holds the
/// `config/` directory the file lives in (so `Models/corpus` means `<root>/Models/corpus`).
/// Environment variables override the file (`CORPUS_DIRECTORY` for `corpus.directory`, …).
public struct Settings: Sendable {
    public var root: URL
    /// JSONL files of imported cases, one per source document.
    public var corpusDirectory: URL
    /// Raw source documents the shipped corpus is imported from.
    public var sourcesDirectory: URL
    /// provinces.csv, cities.csv, areas.csv, streets.csv, ethnic-groups.txt.
    public var divisionsDirectory: URL
    /// Facts per region (terrain, former poverty county…), with their sources.
    public var regionFactsFile: URL
    /// Knowledge the importer uses: section names, result words, special actions…
    public var importRulesFile: URL
    /// Larger documents are refused by the importer, before they are read.
    public var importMaxBytes: Int
    /// Where the built model is written.
    public var modelDirectory: URL
    /// jieba's dictionary (dict.txt) as python3-jieba installs it.
    public var jiebaDictionary: URL
    /// jieba's HMM parameters (finalseg/prob_*.py).
    public var jiebaHMMDirectory: URL
    /// Words of health promotion jieba does not know (健康素养, 医共体…).
    public var domainDictionary: URL
    /// Words left out of the features (的, 和, 工作…).
    public var stopWords: URL
    /// Directory of the compiled lexicon caches (rebuilt when a source dictionary changes).
    public var lexiconCacheDirectory: URL
    /// Tags: special actions, themes, populations, mechanisms, with their patterns.
    public var taxonomyFile: URL
    /// Words of a free-text profile that say what kind of place it is.
    public var profileCuesFile: URL
    /// The Chinese words answers and reports show for the engine's keys (山区, 县级, 健康中国行动…).
    public var labelsFile: URL
    /// The report templates (Mustache): region page, Markdown, overview, charts.
    public var reportTemplatesDirectory: URL
    /// The LSA reduction.
    public var lsa: LSASettings
    /// How the engine weighs its evidence.
    public var ranking: RankingSettings
    public var similar: SimilaritySettings
    public var daemon: DaemonSettings
    /// The longest profile or query text (characters), from the command line or the daemon.
    public var maxTextCharacters: Int

    /// The default file: `$PRACTICED_CONFIG`, else `config/practiced.yaml` under the working directory.
    public static func defaultFile() -> URL {
        if let path = ProcessInfo.processInfo.environment["PRACTICED_CONFIG"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("config/practiced.yaml")
    }

    public static func load(from file: URL? = nil) async throws -> Settings {
        let file = (file ?? defaultFile()).standardizedFileURL
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw SettingsError.missingFile(path: file.path)
        }
        let reader: ConfigReader
        do {
            reader = ConfigReader(providers: [
                EnvironmentVariablesProvider(),
                try await FileProvider<YAMLSnapshot>(filePath: .init(file.path)),
            ])
        } catch {
            throw SettingsError.unreadable(path: file.path, reason: "\(error)")
        }
        let root = file.deletingLastPathComponent().deletingLastPathComponent()
        func path(_ key: String, _ fallback: String) -> URL {
            let value = reader.string(forKey: .init(key), default: fallback)
            return value.hasPrefix("/") ? URL(fileURLWithPath: value) : root.appendingPathComponent(value)
        }
        return Settings(
            root: root,
            corpusDirectory: path("corpus.directory", "Models/corpus"),
            sourcesDirectory: path("corpus.sources", "Models/sources"),
            divisionsDirectory: path("regions.divisions", "config/divisions"),
            regionFactsFile: path("regions.facts", "config/region-facts.csv"),
            importRulesFile: path("import.rules", "config/import-rules.json"),
            importMaxBytes: reader.int(forKey: "import.max_bytes", default: 64 << 20),
            modelDirectory: path("model.directory", "Models/model"),
            jiebaDictionary: path("analysis.jieba.dictionary", "/usr/lib/python3/dist-packages/jieba/dict.txt"),
            jiebaHMMDirectory: path("analysis.jieba.hmm", "/usr/lib/python3/dist-packages/jieba/finalseg"),
            domainDictionary: path("analysis.domain_dictionary", "config/domain-dictionary.txt"),
            stopWords: path("analysis.stop_words", "config/stop-words.txt"),
            lexiconCacheDirectory: path("analysis.lexicon_cache", "Models/model/lexicon"),
            taxonomyFile: path("features.taxonomy", "config/taxonomy.json"),
            profileCuesFile: path("features.profile_cues", "config/profile-cues.json"),
            labelsFile: path("answers.labels", "config/labels.json"),
            reportTemplatesDirectory: path("reports.templates", "config/reports"),
            lsa: LSASettings(
                dimensions: reader.int(forKey: "lsa.dimensions", default: 40),
                method: reader.string(forKey: "lsa.method", default: "auto"),
                exactMaximumCells: reader.int(forKey: "lsa.exact_maximum_cells", default: 20_000_000),
                oversampling: reader.int(forKey: "lsa.oversampling", default: 10),
                powerIterations: reader.int(forKey: "lsa.power_iterations", default: 5),
                seed: reader.int(forKey: "lsa.seed", default: 42),
                refitShare: reader.double(forKey: "lsa.refit_share", default: 0.2)),
            ranking: RankingSettings(
                modelFile: path("ranking.model", "config/ranking-model.json"),
                practicesPerCase: reader.int(forKey: "ranking.practices_per_case", default: 2)),
            similar: SimilaritySettings(
                semantic: reader.double(forKey: "similar.weights.semantic", default: 1),
                text: reader.double(forKey: "similar.weights.text", default: 1),
                tags: reader.double(forKey: "similar.weights.tags", default: 0.5)),
            daemon: DaemonSettings(
                socket: path("daemon.socket", "Models/run/practiced.sock"),
                socketMode: reader.string(forKey: "daemon.socket_mode", default: "0660"),
                idleTimeoutSeconds: reader.int(forKey: "daemon.idle_timeout_seconds", default: 30),
                drainSeconds: reader.int(forKey: "daemon.drain_seconds", default: 30),
                maxBodyBytes: reader.int(forKey: "daemon.max_body_bytes", default: 1 << 20)),
            // One limit for the command line and the daemon (the key was daemon's before: still read).
            maxTextCharacters: reader.int(forKey: "features.max_text_characters",
                                          default: reader.int(forKey: "daemon.max_text_characters", default: 100_000))
        )
    }
}

public enum SettingsError: Error, CustomStringConvertible {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path): return "\(path): configuration file not found (give one with --config or PRACTICED_CONFIG)"
        case .unreadable(let path, let reason): return "\(path): cannot read configuration: \(reason)"
        }
    }
}

/// `lsa:` in config/practiced.yaml.
public struct LSASettings: Sendable, Equatable {
    /// k: dimensions kept (at most the number of cases).
    public var dimensions: Int
    /// exact, randomized, or auto (exact while cases × terms ≤ exactMaximumCells).
    public var method: String
    public var exactMaximumCells: Int
    public var oversampling: Int
    public var powerIterations: Int
    public var seed: Int
    /// Cases added while serving are folded into the built model (no SVD) until folded cases
    /// would be more than this share of the corpus; then the model is rebuilt.
    public var refitShare: Double
}

/// `ranking:` in config/practiced.yaml: the weights of the engine's components and its diversity.
/// The daemon (`daemon:`): where it listens and what it accepts.
public struct DaemonSettings: Sendable, Equatable {
    public var socket: URL
    /// Octal file mode of the socket, e.g. "0660".
    public var socketMode: String
    public var idleTimeoutSeconds: Int
    /// How long a drain (SIGTERM) waits for the answers in flight.
    public var drainSeconds: Int
    public var maxBodyBytes: Int
}

/// Weights of similar cases (`similar.weights`): LSA cosine, TF-IDF cosine, tag overlap.
public struct SimilaritySettings: Sendable, Equatable {
    public var semantic: Double
    public var text: Double
    public var tags: Double
}

public struct RankingSettings: Sendable, Equatable {
    /// The learned ranking model's weights and labels (`practiced eval --fit` writes it).
    public var modelFile: URL
    /// At most this many practices of one case in a list of recommendations.
    public var practicesPerCase: Int
}
