import ArgumentParser
import Corpus
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Rebuild the model from Models/corpus (no import).",
        discussion: "Reads and checks every corpus file. The analysis and LSA stages that turn the corpus into a model file come with the next stages of the product."
    )

    @OptionGroup var configOption: ConfigOption

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let cases = try CorpusFiles.readDirectory(settings.corpusDirectory)
            let practices = cases.reduce(0) { $0 + $1.practices.count }
            print("corpus: \(cases.count) cases, \(practices) practices in \(settings.corpusDirectory.path)")
        }
    }
}
