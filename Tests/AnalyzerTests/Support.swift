import Analyzer
import Foundation

/// The project root, found from this file's path (Tests/AnalyzerTests/…).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = projectRoot.appendingPathComponent("Tests/AnalyzerTests/Fixtures")

let jiebaSources = LexiconSources(
    jiebaDictionary: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/dict.txt"),
    hmmDirectory: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/finalseg"),
    domainDictionary: nil)

/// jieba's lexicon, from the project's cache (built once, rebuilt when python3-jieba changes).
let jiebaLexicon: Lexicon = try! LexiconLoader.load(
    jiebaSources, cache: projectRoot.appendingPathComponent("Models/model/lexicon/jieba.lexicon"))

let domainLexicon: Lexicon = {
    var sources = jiebaSources
    sources.domainDictionary = projectRoot.appendingPathComponent("config/domain-dictionary.txt")
    return try! LexiconLoader.load(sources, cache: projectRoot.appendingPathComponent("Models/model/lexicon/jieba+domain.lexicon"))
}()

/// The seed documents segmented by python3-jieba (Fixtures/make-jieba-fixtures.py).
let seedDocuments: [(name: String, text: URL, jieba: URL)] = [
    ("000", projectRoot.appendingPathComponent("Models/sources/000_fec52221f5d9a716.txt"), fixtures.appendingPathComponent("jieba-000.txt")),
    ("001", projectRoot.appendingPathComponent("Models/sources/001_2c0caaffe9a8f491.txt"), fixtures.appendingPathComponent("jieba-001.txt")),
    ("003", projectRoot.appendingPathComponent("Models/sources/003_4a8c5636681108ed.txt"), fixtures.appendingPathComponent("jieba-003.txt")),
    ("004", fixtures.appendingPathComponent("004_5a58676f7c40b71f.txt"), fixtures.appendingPathComponent("jieba-004.txt")),
]

/// Spans of `tokens` (which appear in `line` in order, whitespace between them left out).
func spans(of tokens: [Substring], in line: [UInt32]) -> [Range<Int>]? {
    var result: [Range<Int>] = []
    var position = 0
    for token in tokens {
        let scalars = token.unicodeScalars.map(\.value)
        while position < line.count, Segmenter.isWhitespace(line[position]) { position += 1 }
        guard position + scalars.count <= line.count, Array(line[position..<(position + scalars.count)]) == scalars else { return nil }
        result.append(position..<(position + scalars.count))
        position += scalars.count
    }
    return result
}
