import Analyzer
import Corpus
import Features
import Foundation
import Profiles
import Regions

/// The project root, found from this file's path (Tests/FeaturesTests/…).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let config = projectRoot.appendingPathComponent("config")

let analyzer: TermAnalyzer = {
    let sources = LexiconSources(
        jiebaDictionary: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/dict.txt"),
        hmmDirectory: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/finalseg"),
        domainDictionary: config.appendingPathComponent("domain-dictionary.txt"))
    let lexicon = try! LexiconLoader.load(sources, cache: projectRoot.appendingPathComponent("Models/model/lexicon/jieba+domain.lexicon"))
    return TermAnalyzer(segmenter: Segmenter(lexicon: lexicon), stopWords: try! StopWords(contentsOf: config.appendingPathComponent("stop-words.txt")))
}()

let tagger = Tagger(taxonomy: try! Taxonomy.load(from: config.appendingPathComponent("taxonomy.json")))

let corpus: [CaseRecord] = try! CorpusFiles.readDirectory(projectRoot.appendingPathComponent("Models/corpus"))

let gazetteer: Gazetteer = try! Gazetteer(
    resolver: RegionResolver(directory: config.appendingPathComponent("divisions")),
    factsFile: config.appendingPathComponent("region-facts.csv"),
    macroRegionsFile: config.appendingPathComponent("divisions/macro-regions.csv"))

let profileAnalyzer = ProfileAnalyzer(
    analyzer: analyzer, tagger: tagger, gazetteer: gazetteer,
    cues: try! ProfileCues.load(from: config.appendingPathComponent("profile-cues.json")))
