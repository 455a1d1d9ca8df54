import Analyzer
import ArgumentParser
import EngineLoading
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
            let analyzer = try settings.loadTermAnalyzer(domain: !noDomain)
            let workspace = SegmentationWorkspace()
            var output = ""
            while let line = readLine(strippingNewline: true) {
                output += analyzer.words(line, workspace: workspace).joined(separator: " ")
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
