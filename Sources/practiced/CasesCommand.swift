import Answers
import ArgumentParser
import Corpus
import Foundation

struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List the cases of the corpus.",
        discussion: "The JSON form ({\"cases\": […]}) carries every field of every case."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Output format: text (one line per case) or json.")
    var format: OutputFormat = .text

    @OptionGroup var socketOption: SocketOption

    func run() async throws {
        try await reportingFailure {
            if let socket = socketOption.socket {
                return print(try await DaemonQuery.run(socket: socket, method: .GET, "/v1/cases", format: format))
            }
            let settings = try await configOption.load()
            let cases = try CorpusFiles.readDirectory(settings.corpusDirectory)
            switch format {
            case .json: FileHandle.standardOutput.write(try CasesAnswer.json(cases) + Data("\n".utf8))
            case .text: print(CasesAnswer.text(cases))
            }
        }
    }
}
