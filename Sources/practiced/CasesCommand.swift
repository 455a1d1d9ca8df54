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

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let cases = try CorpusFiles.readDirectory(settings.corpusDirectory)
            switch format {
            case .json:
                let encoder = CorpusFiles.lineEncoder()
                var output = Data("{\"cases\": [".utf8)
                for (index, record) in cases.enumerated() {
                    output.append(Data((index == 0 ? "\n" : ",\n").utf8))
                    output.append(try encoder.encode(record))
                }
                output.append(Data("\n]}\n".utf8))
                FileHandle.standardOutput.write(output)
            case .text:
                for record in cases { print(CaseSummary.line(for: record)) }
                print("\(cases.count) cases from \(Set(cases.map(\.source.id)).count) documents")
            }
        }
    }
}

/// One readable line per case, shared by `import` and `cases`.
enum CaseSummary {
    static func line(for record: CaseRecord) -> String {
        let region = [record.region.province, record.region.prefecture, record.region.county, record.region.subUnit]
            .compactMap { $0 }.joined(separator: " ")
        let place = region.isEmpty ? "(\(record.region.name): region not resolved)" : region
        let title = record.title ?? "(untitled)"
        let category = record.category.map { " [\($0)]" } ?? ""
        return "\(record.id)  \(place)  \(record.practices.count) practices  \(title)\(category)"
    }
}
