import Corpus
import Foundation

/// Graded judgments of cases per profile (`dev-qrels.json`: profile id → case key → grade 0–3).
public struct Judgments: Sendable {
    public let grades: [String: [String: Double]]

    public init(grades: [String: [String: Double]]) { self.grades = grades }

    public init(contentsOf url: URL) throws {
        do {
            grades = try JSONDecoder().decode([String: [String: Double]].self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw EngineError.badInput(path: url.path, reason: "expected {profile id: {case key: grade}}: \(error)")
        }
    }

    /// The key a judgment file gives a case: the first three characters of its source file and
    /// its two-digit ordinal, e.g. `000-05`.
    public static func key(of record: CaseRecord) -> String {
        let file = URL(fileURLWithPath: record.source.file).lastPathComponent
        return "\(file.prefix(3))-\(record.ordinal < 10 ? "0" : "")\(record.ordinal)"
    }
}

public enum EngineError: Error, CustomStringConvertible, Equatable {
    case badInput(path: String, reason: String)
    /// A case id the corpus does not hold (the daemon answers 404).
    case unknownCase(String)

    public var description: String {
        switch self {
        case .badInput(let path, let reason): return "\(path): \(reason)"
        case .unknownCase(let id): return "no case '\(id)' in the corpus (ids look like 000-05; `practiced cases` lists them)"
        }
    }
}
