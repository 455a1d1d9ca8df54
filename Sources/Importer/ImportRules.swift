import Foundation

/// What the importer knows about case collections, read from `config/import-rules.json`
/// so that a user can extend it without touching code.
public struct ImportRules: Codable, Sendable {
    public struct SectionKeywords: Codable, Sendable {
        public var practices: [String]
        public var outcomes: [String]
        public var lessons: [String]
        public var background: [String]
    }

    /// Words that name a section by what it holds (主要做法, 推进成效, 经验启示, 工作背景).
    public var sectionKeywords: SectionKeywords
    /// The 15 special actions of Healthy China; a case labelled with one gets it as category.
    public var specialActions: [String]
    /// Column labels that open a case's text in tables (典型经验：…); dropped from the text.
    public var caseTextLabels: [String]
    /// Words that, with a number, make a phrase report a measured result.
    public var resultWords: [String]
    /// Column names of a spreadsheet's header row, by what the column holds.
    public struct TableColumns: Codable, Sendable {
        public var number: [String]
        public var region: [String]
        public var title: [String]
        public var practices: [String]
        public var outcomes: [String]
    }

    /// The columns of a collection sent as a spreadsheet (`ColumnTable`).
    public var tableColumns: TableColumns

    /// Doubled characters that are words (家家, 人人): never a character a PDF repeated at a break.
    public var reduplications: [String]

    public static func load(from url: URL) throws -> ImportRules {
        do {
            return try JSONDecoder().decode(ImportRules.self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw ImportError(file: url.path, line: nil, reason: .unreadable("not valid import rules: \(error)"))
        } catch {
            throw ImportError(file: url.path, line: nil, reason: .unreadable(error.localizedDescription))
        }
    }
}
