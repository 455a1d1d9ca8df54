import Configuration
import Foundation

/// What the configuration file says, with every path made absolute.
///
/// The file is the first of `ConfigurationSearch.places` (--config, $PRACTICED_CONFIG,
/// ./config/practiced.yaml, $XDG_CONFIG_HOME/practiced/, /etc/practiced/). Relative paths in it
/// are taken from the file's own folder; a relative path from an environment variable, from
/// the working directory. Environment variables override the file (`CORPUS_DIRECTORY` for
/// `corpus.directory`, …). The shipped data a file does not name (divisions, dictionaries,
/// taxonomy, templates…) is found beside the file, else in the installed share folder
/// (`<prefix>/share/practiced`, next to the binary's `bin/`).
public struct Settings: Sendable {
    /// The folder above the configuration's: the project when the file is its
    /// `config/practiced.yaml` (`practiced eval` finds `eval/` there).
    public var root: URL
    /// The configuration file read.
    public var file: URL
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

    /// Reads the configuration: `file` when given (--config), else the first found of
    /// `ConfigurationSearch.places`.
    public static func load(from file: URL? = nil) async throws -> Settings {
        let file = try ConfigurationSearch.locate(explicit: file)
        let reader: ConfigReader
        do {
            reader = ConfigReader(providers: [
                EnvironmentVariablesProvider(),
                try await FileProvider<YAMLSnapshot>(filePath: .init(file.path)),
            ])
        } catch {
            throw SettingsError.unreadable(path: file.path, reason: "\(error)")
        }
        let folder = file.deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        /// A path the user chose: relative to the working directory when it came from the
        /// environment (as a shell user means it), else to the file's folder.
        func path(_ key: String, _ fallback: String) -> URL {
            let variable = key.uppercased().replacingOccurrences(of: ".", with: "_")
            let value = reader.string(forKey: .init(key), default: fallback)
            if value.hasPrefix("/") { return URL(fileURLWithPath: value).standardizedFileURL }
            let base = environment[variable].map { !$0.isEmpty } == true ? workingDirectory : folder
            return base.appendingPathComponent(value).standardizedFileURL
        }
        /// Shipped data: as the file says, else beside the file, else in the share folder.
        func data(_ key: String, _ name: String) -> URL {
            let beside = path(key, name)
            if reader.string(forKey: .init(key)) != nil || FileManager.default.fileExists(atPath: beside.path) { return beside }
            return ConfigurationSearch.shareDirectory.map { $0.appendingPathComponent(name) } ?? beside
        }
        return Settings(
            root: folder.deletingLastPathComponent(),
            file: file,
            corpusDirectory: path("corpus.directory", "../Models/corpus"),
            sourcesDirectory: data("corpus.sources", "sources"),
            divisionsDirectory: data("regions.divisions", "divisions"),
            regionFactsFile: data("regions.facts", "region-facts.csv"),
            importRulesFile: data("import.rules", "import-rules.json"),
            importMaxBytes: reader.int(forKey: "import.max_bytes", default: 64 << 20),
            modelDirectory: path("model.directory", "../Models/model"),
            jiebaDictionary: path("analysis.jieba.dictionary", "/usr/lib/python3/dist-packages/jieba/dict.txt"),
            jiebaHMMDirectory: path("analysis.jieba.hmm", "/usr/lib/python3/dist-packages/jieba/finalseg"),
            domainDictionary: data("analysis.domain_dictionary", "domain-dictionary.txt"),
            stopWords: data("analysis.stop_words", "stop-words.txt"),
            lexiconCacheDirectory: path("analysis.lexicon_cache", "../Models/model/lexicon"),
            taxonomyFile: data("features.taxonomy", "taxonomy.json"),
            profileCuesFile: data("features.profile_cues", "profile-cues.json"),
            labelsFile: data("answers.labels", "labels.json"),
            reportTemplatesDirectory: data("reports.templates", "reports"),
            lsa: LSASettings(
                dimensions: reader.int(forKey: "lsa.dimensions", default: 40),
                method: reader.string(forKey: "lsa.method", default: "auto"),
                exactMaximumCells: reader.int(forKey: "lsa.exact_maximum_cells", default: 20_000_000),
                oversampling: reader.int(forKey: "lsa.oversampling", default: 10),
                powerIterations: reader.int(forKey: "lsa.power_iterations", default: 5),
                seed: reader.int(forKey: "lsa.seed", default: 42),
                refitShare: reader.double(forKey: "lsa.refit_share", default: 0.2)),
            ranking: RankingSettings(
                modelFile: data("ranking.model", "ranking-model.json"),
                practicesPerCase: reader.int(forKey: "ranking.practices_per_case", default: 2)),
            similar: SimilaritySettings(
                semantic: reader.double(forKey: "similar.weights.semantic", default: 0),
                text: reader.double(forKey: "similar.weights.text", default: 1),
                tags: reader.double(forKey: "similar.weights.tags", default: 0),
                hubness: reader.double(forKey: "similar.weights.hubness", default: 0.75),
                neighbours: reader.int(forKey: "similar.hubness_neighbours", default: 10),
                termFrequencyPower: reader.double(forKey: "similar.space.term_frequency_power", default: 0.75),
                subwords: reader.bool(forKey: "similar.space.subwords", default: true),
                placeWeight: reader.double(forKey: "similar.space.place_weight", default: 0)),
            daemon: DaemonSettings(
                socket: path("daemon.socket", "../Models/run/practiced.sock"),
                socketMode: reader.string(forKey: "daemon.socket_mode", default: "0660"),
                idleTimeoutSeconds: reader.int(forKey: "daemon.idle_timeout_seconds", default: 30),
                drainSeconds: reader.int(forKey: "daemon.drain_seconds", default: 30),
                maxBodyBytes: reader.int(forKey: "daemon.max_body_bytes", default: 1 << 20),
                page: Optional(data("daemon.page", "page/index.html")).flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }),
            // One limit for the command line and the daemon (the key was daemon's before: still read).
            maxTextCharacters: reader.int(forKey: "features.max_text_characters",
                                          default: reader.int(forKey: "daemon.max_text_characters", default: 100_000))
        )
    }
}

public enum SettingsError: Error, CustomStringConvertible {
    /// No file at any of the places looked, each with why it was looked at.
    case missingFile(looked: [(path: String, why: String)])
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let looked):
            return "configuration file not found; looked at: " + looked.map { "\($0.path) (\($0.why))" }.joined(separator: ", ")
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
    /// The page `GET /` answers (the browser form); nil when the file is absent.
    public var page: URL?
}

/// Weights of similar cases (`similar.weights`): LSA cosine, text cosine, tag overlap; and the
/// text cosine's space (`similar.space`).
public struct SimilaritySettings: Sendable, Equatable {
    public var semantic: Double
    public var text: Double
    public var tags: Double
    /// How much of a case's hubness (mean cosine to its nearest cases) is taken off its score.
    public var hubness: Double
    public var neighbours: Int
    /// A term's count to this power (0 < power ≤ 1).
    public var termFrequencyPower: Double
    /// Whether words of three characters or more also count their two- and three-character pieces.
    public var subwords: Bool
    /// A place name's terms weigh this much (0–1).
    public var placeWeight: Double
}

public struct RankingSettings: Sendable, Equatable {
    /// The learned ranking model's weights and labels (`practiced eval --fit` writes it).
    public var modelFile: URL
    /// At most this many practices of one case in a list of recommendations.
    public var practicesPerCase: Int
}
