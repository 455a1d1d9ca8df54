import Analyzer
import Corpus
import Engine
import Features
import Foundation
import LSA
import Profiles
import Regions
import Settings

/// Building the stages from the configuration, shared by the commands.
extension Settings {
    public func lexiconSources(domain: Bool) -> LexiconSources {
        LexiconSources(jiebaDictionary: jiebaDictionary, hmmDirectory: jiebaHMMDirectory, domainDictionary: domain ? domainDictionary : nil)
    }

    /// The lexicon from its cache (built and cached on first use or when a source changed).
    public func loadLexicon(domain: Bool) throws -> Lexicon {
        let cache = lexiconCacheDirectory.appendingPathComponent(domain ? "jieba+domain.lexicon" : "jieba.lexicon")
        return try LexiconLoader.load(lexiconSources(domain: domain), cache: cache)
    }

    public func loadTermAnalyzer(domain: Bool = true) throws -> TermAnalyzer {
        TermAnalyzer(segmenter: Segmenter(lexicon: try loadLexicon(domain: domain)), stopWords: try StopWords(contentsOf: stopWords))
    }

    public func loadTagger() throws -> Tagger {
        Tagger(taxonomy: try Taxonomy.load(from: taxonomyFile))
    }

    public func loadFeatureSpace() throws -> FeatureSpace {
        try loadCorpus(fingerprint: try modelInputsFingerprint(), analyzer: try loadTermAnalyzer(), tagger: try loadTagger()).stage.features
    }

    /// SVD options for a documents × terms matrix of this size, from `lsa:` in the configuration.
    public func svdOptions(rows: Int, columns: Int) throws -> TruncatedSVD.Options {
        let method: TruncatedSVD.Method
        switch lsa.method {
        case "exact": method = .exact
        case "randomized": method = .randomized
        case "auto": method = rows * columns <= lsa.exactMaximumCells ? .exact : .randomized
        default: throw SettingsValueError(key: "lsa.method", message: "'\(lsa.method)' is not one of exact, randomized, auto")
        }
        guard lsa.dimensions >= 1 else { throw SettingsValueError(key: "lsa.dimensions", message: "must be at least 1") }
        return TruncatedSVD.Options(
            k: min(lsa.dimensions, max(rows - 1, 1)), method: method, oversampling: lsa.oversampling,
            powerIterations: lsa.powerIterations, seed: UInt64(truncatingIfNeeded: lsa.seed))
    }

    public func loadGazetteer() throws -> Gazetteer {
        try Gazetteer(
            resolver: RegionResolver(directory: divisionsDirectory), factsFile: regionFactsFile,
            macroRegionsFile: divisionsDirectory.appendingPathComponent("macro-regions.csv"))
    }

    public func loadProfileAnalyzer() throws -> ProfileAnalyzer {
        ProfileAnalyzer(
            analyzer: try loadTermAnalyzer(), tagger: try loadTagger(), gazetteer: try loadGazetteer(),
            cues: try ProfileCues.load(from: profileCuesFile), maxTextCharacters: maxTextCharacters)
    }
}

extension Settings {
    /// The engine on the current corpus and model (the model rebuilt if its inputs changed, or,
    /// after an edit while serving, `previous` grown or shrunk to the corpus: `editedModel`).
    /// The corpus is read, and the lexicon loaded, once for the features and the profiles.
    public func loadRecommender(editing previous: LSAModel? = nil) throws -> LoadedEngine {
        let analyzer = try loadTermAnalyzer(), tagger = try loadTagger(), gazetteer = try loadGazetteer()
        let fingerprint = try modelInputsFingerprint()
        let (stage, cases) = try loadCorpus(fingerprint: fingerprint, analyzer: analyzer, tagger: tagger, editing: previous)
        let features = stage.features
        // Each place resolved once: a library repeats its counties (resolving every case was a
        // tenth of a 50,000-case start).
        var resolved: [[String?]: RegionAttributes?] = [:]
        let caseRegions = cases.facts.map { facts in
            let region = facts.region, key = [region.province, region.prefecture, region.county, region.subUnit]
            if let known = resolved[key] { return known }
            let attributes = gazetteer.attributes(province: region.province, prefecture: region.prefecture, county: region.county, subUnit: region.subUnit)
            resolved[key] = attributes
            return attributes
        }
        let model = try previous.map { try editedModel(from: $0, cases: cases, analyzer: analyzer, fingerprint: fingerprint, features: features) }
            ?? loadModel(fingerprint: fingerprint, features: features)
        let cues = try ProfileCues.load(from: profileCuesFile)
        let labels = try DomainLabels.load(from: labelsFile, fieldWords: cues.fieldWords, taxonomy: tagger.taxonomy)
        let placeWords = Self.placeWords(of: cases, regions: caseRegions, gazetteer: gazetteer)
        let scorer = CaseScorer(features: features, space: try model.space(alignedTo: features), caseRegions: caseRegions,
                                taxonomy: tagger.taxonomy, labels: labels, placeWords: placeWords)
        let rankingModel = try RankingModel.load(from: ranking.modelFile)
        let profiles = ProfileAnalyzer(analyzer: analyzer, tagger: tagger, gazetteer: gazetteer, cues: cues, maxTextCharacters: maxTextCharacters)
        let recommender = Recommender(scorer: scorer, cases: cases, model: rankingModel, practicesPerCase: ranking.practicesPerCase)
        return LoadedEngine(recommender: recommender, cases: cases, profiles: profiles, model: model)
    }
}

extension Settings {
    /// The places the corpus speaks of, as its texts name them (similar cases weigh them less):
    /// every case's unit and the units containing it, by full and short names, matched whole;
    /// held inside a term, full names and the provinces' short names; and the names as written.
    static func placeWords(of cases: CaseCatalogue, regions: [RegionAttributes?], gazetteer: Gazetteer) -> PlaceWords {
        let table = gazetteer.resolver.table
        let units = Set(regions.compactMap { $0?.code }).compactMap { table.units[$0] }
        let chains = units.map { unit in
            let chain = table.chain(of: unit)
            return [chain.province, chain.prefecture, chain.county, unit]
        }
        let provinces = Set(chains.compactMap { $0[0]?.code })
        let written = cases.facts.flatMap { [$0.region.province, $0.region.prefecture, $0.region.county, $0.region.subUnit].compactMap { $0 } }
        return PlaceWords(
            names: Set(units.flatMap { gazetteer.resolver.names(ofCode: $0.code) } + written),
            held: Set(chains.flatMap { $0.compactMap { $0?.name } } + provinces.flatMap(gazetteer.resolver.names(ofCode:)) + written))
    }
}

/// The engine on the current corpus and model, with what it was built from: what the command
/// line, the daemon, the reports and the tests open, in one line, from the settings.
public struct LoadedEngine: Sendable {
    public let recommender: Recommender
    public let cases: CaseCatalogue
    public let profiles: ProfileAnalyzer
    /// The reduced space as built (or grown) and saved.
    public let model: LSAModel
    /// The model file's fingerprint of its inputs (corpus, configuration, lexicon), in hex.
    public var fingerprint: String { String(model.fingerprint, radix: 16) }

    /// The engine of `settings`' corpus and model: the saved stages read when current, else
    /// built (and saved) first.
    public static func open(_ settings: Settings) throws -> LoadedEngine {
        try settings.loadRecommender()
    }
}

extension Settings {
    /// The weights of similar cases, checked: a power outside (0, 1] or a place weight outside
    /// [0, 1] is refused naming its key.
    public func similarityWeights() throws -> SimilarityWeights {
        guard similar.termFrequencyPower > 0, similar.termFrequencyPower <= 1 else {
            throw SettingsValueError(key: "similar.space.term_frequency_power", message: "must be above 0 and at most 1, not \(similar.termFrequencyPower)")
        }
        guard similar.placeWeight >= 0, similar.placeWeight <= 1 else {
            throw SettingsValueError(key: "similar.space.place_weight", message: "must be from 0 to 1, not \(similar.placeWeight)")
        }
        return SimilarityWeights(semantic: similar.semantic, text: similar.text, tags: similar.tags, hubness: similar.hubness, neighbours: similar.neighbours,
                                 termFrequencyPower: similar.termFrequencyPower, subwords: similar.subwords, placeWeight: similar.placeWeight)
    }
}

/// A configuration value outside what is accepted.
public struct SettingsValueError: Error, CustomStringConvertible {
    public let key: String
    public let message: String
    public var description: String { "config: \(key): \(message)" }

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

/// A note on standard error (a stage or model found stale and rebuilt), standard output being
/// the answers'.
func printNote(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
