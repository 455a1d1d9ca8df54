import Corpus
import Foundation

/// `cases`'s answer: {"cases": [every field of every case]}, one case per line, or a readable
/// line per case.
public enum CasesAnswer {
    public static func json(_ cases: [CaseRecord]) throws -> Data {
        let encoder = CorpusFiles.lineEncoder()
        var output = Data("{\"cases\": [".utf8)
        for (index, record) in cases.enumerated() {
            output.append(Data((index == 0 ? "\n" : ",\n").utf8))
            output.append(try encoder.encode(record))
        }
        output.append(Data("\n]}".utf8))
        return output
    }

    public static func text(_ cases: [CaseRecord]) -> String {
        (cases.map(CaseSummary.line(for:)) + ["\(cases.count) cases from \(Set(cases.map(\.source.id)).count) documents"]).joined(separator: "\n")
    }
}

/// One readable line per case, shared by `import` and `cases`.
public enum CaseSummary {
    public static func line(for record: CaseRecord) -> String {
        let region = [record.region.province, record.region.prefecture, record.region.county, record.region.subUnit]
            .compactMap { $0 }.joined(separator: " ")
        let place = region.isEmpty ? "(\(record.region.name): region not resolved)" : region
        let title = record.title ?? "(untitled)"
        let category = record.category.map { " [\($0)]" } ?? ""
        return "\(record.id)  \(place)  \(record.practices.count) practices  \(title)\(category)"
    }
}
