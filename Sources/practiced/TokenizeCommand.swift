import Analyzer
import ArgumentParser
import Foundation
import Settings

struct TokenizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the words of standard input as the model sees them (before stop words).",
        discussion: "One output line per input line, words separated by single spaces. The text is normalised (widths, numbers) and segmented with jieba's dictionary and HMM plus the domain dictionary."
    )

    @Flag(name: .long, help: "Leave the domain dictionary out (jieba's dictionary alone, for comparison with jieba).")
    var noDomain = false

    @OptionGroup var configOption: ConfigOption

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let segmenter = Segmenter(lexicon: try settings.loadLexicon(domain: !noDomain))
            let normalizer = TextNormalizer()
            var output = ""
            while let line = readLine(strippingNewline: true) {
                output += segmenter.words(normalizer.normalize(line)).joined(separator: " ")
                output += "\n"
                if output.utf8.count > 1 << 16 {
                    FileHandle.standardOutput.write(Data(output.utf8))
                    output = ""
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}

extension Settings {
    func lexiconSources(domain: Bool) -> LexiconSources {
        LexiconSources(jiebaDictionary: jiebaDictionary, hmmDirectory: jiebaHMMDirectory, domainDictionary: domain ? domainDictionary : nil)
    }

    /// The lexicon from its cache (built and cached on first use or when a source changed).
    func loadLexicon(domain: Bool) throws -> Lexicon {
        let cache = lexiconCacheDirectory.appendingPathComponent(domain ? "jieba+domain.lexicon" : "jieba.lexicon")
        return try LexiconLoader.load(lexiconSources(domain: domain), cache: cache)
    }
}
