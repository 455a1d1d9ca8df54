import Analyzer
import Corpus
import Features
import Foundation
import Regions
import Settings

/// Building the stages from the configuration, shared by the commands.
extension Settings {
    func lexiconSources(domain: Bool) -> LexiconSources {
        LexiconSources(jiebaDictionary: jiebaDictionary, hmmDirectory: jiebaHMMDirectory, domainDictionary: domain ? domainDictionary : nil)
    }

    /// The lexicon from its cache (built and cached on first use or when a source changed).
    func loadLexicon(domain: Bool) throws -> Lexicon {
        let cache = lexiconCacheDirectory.appendingPathComponent(domain ? "jieba+domain.lexicon" : "jieba.lexicon")
        return try LexiconLoader.load(lexiconSources(domain: domain), cache: cache)
    }

    func loadTermAnalyzer(domain: Bool = true) throws -> TermAnalyzer {
        TermAnalyzer(segmenter: Segmenter(lexicon: try loadLexicon(domain: domain)), stopWords: try StopWords(contentsOf: stopWords))
    }

    func loadTagger() throws -> Tagger {
        Tagger(taxonomy: try Taxonomy.load(from: taxonomyFile))
    }

    func loadFeatureSpace() throws -> FeatureSpace {
        FeatureSpace(cases: try CorpusFiles.readDirectory(corpusDirectory), analyzer: try loadTermAnalyzer(), tagger: try loadTagger())
    }

    func loadGazetteer() throws -> Gazetteer {
        try Gazetteer(
            resolver: RegionResolver(directory: divisionsDirectory), factsFile: regionFactsFile,
            macroRegionsFile: divisionsDirectory.appendingPathComponent("macro-regions.csv"))
    }

    func loadProfileAnalyzer() throws -> ProfileAnalyzer {
        ProfileAnalyzer(
            analyzer: try loadTermAnalyzer(), tagger: try loadTagger(), gazetteer: try loadGazetteer(),
            cues: try ProfileCues.load(from: profileCuesFile))
    }
}
