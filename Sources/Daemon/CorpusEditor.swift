import Corpus
import Foundation
import Importer

/// Growing and pruning the corpus while serving (`POST /v1/cases`, `DELETE /v1/cases/{id}`).
///
/// A request's cases are read and checked first (they import, their ids follow
/// `CaseIdentifiers`); then, under the build lock, the corpus is read, the ids checked against
/// it, and the files written with `CorpusFiles.writeAtomically` (temporary file, fsync, rename,
/// fsync of the directory): a crash at any moment leaves the old file or the new one. The model
/// is then rebuilt from the files and swapped in before the answer, so new cases are searchable
/// at once; if that build fails the files are put back and the old model keeps serving.
public struct CorpusEditor: Sendable {
    public let directory: URL
    let importer: Importer
    /// A pasted case read as the importer reads one (`POST /v1/similar`).
    let pastedCases: PastedCaseReader

    public init(directory: URL, importer: Importer) {
        self.directory = directory
        self.importer = importer
        pastedCases = PastedCaseReader(rules: importer.rules)
    }

    /// The cases a request adds: a raw collection (`text` with `source_id` and optional title,
    /// issuer, year) or case objects (`cases`, as `GET /v1/cases/{id}` gives them).
    public func cases(from object: [String: Any], data: Data) throws -> [CaseRecord] {
        if let raw = object["cases"] {
            guard raw is [Any] else { throw APIError.unprocessable(field: "cases", "expected a list of case objects") }
            struct Batch: Decodable { let cases: [CaseRecord] }
            let batch = try RequestDecoding.decode(Batch.self, from: data)
            guard !batch.cases.isEmpty else { throw APIError.unprocessable(field: "cases", "empty") }
            for (index, record) in batch.cases.enumerated() {
                if let problem = CaseIdentifiers.problem(with: record) { throw APIError.unprocessable(field: "cases[\(index)].\(problem.field)", problem.message) }
            }
            return batch.cases
        }
        guard let text = object["text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.unprocessable(field: "body", "give \"text\" (a raw collection with \"source_id\") or \"cases\" (case objects)")
        }
        guard let sourceId = object["source_id"] as? String else {
            throw APIError.unprocessable(field: "source_id", "required with text: \(CaseIdentifiers.sourceIdRule)")
        }
        if let problem = CaseIdentifiers.problem(withSourceId: sourceId) { throw APIError.unprocessable(field: "source_id", problem) }
        let year: Int? = try object["year"].map { value in
            guard let number = value as? Int else { throw APIError.unprocessable(field: "year", "expected an integer") }
            return number
        }
        let options = ImportOptions(sourceId: sourceId, title: object["title"] as? String, issuer: object["issuer"] as? String, year: year)
        do {
            return try importer.importDocument(Data(text.utf8), fileName: "\(sourceId).txt", options: options).cases
        } catch let error as ImportError {
            if case .tooLarge = error.reason { throw APIError(.contentTooLarge, "text_too_large", "text: \(error)") }
            throw APIError.unprocessable(field: "text", "\(error)")
        }
    }

    /// How to put the files an edit changed back as they were (when the model cannot be built).
    struct Undo: Sendable {
        let files: [(url: URL, old: Data?)]

        func callAsFunction() throws {
            for file in files.reversed() { try CorpusEditor.put(file.old, at: file.url) }
        }
    }

    /// Appends new cases to their sources' files. Refuses (409) an id the corpus or the batch
    /// already has. It reads, checks and writes in one go: the caller holds the build lock, so
    /// that two edits never both start from the same old file (one would lose the other's cases).
    /// Only ids are decoded, and the lines already there are kept byte for byte: the analysed
    /// corpus knows its cases by their lines' bytes (`FeatureSpace.edited`).
    func add(_ cases: [CaseRecord]) throws -> Undo {
        var known = Set<String>()
        for url in try CorpusFiles.files(in: directory) { known.formUnion(try CorpusFiles.lineIds(of: url).lines.map(\.value)) }
        for record in cases {
            guard known.insert(record.id).inserted else {
                throw APIError(.conflict, "duplicate_case", "case '\(record.id)' is already in the corpus; DELETE it first to replace it")
            }
        }
        let changes = try Dictionary(grouping: cases, by: \.source.id).sorted { $0.key < $1.key }.map { source, added in
            let url = try CorpusFiles.file(forSource: source, in: directory)
            let old = FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
            var new = old ?? Data()
            if let last = new.last, last != 0x0A { new.append(0x0A) }
            new.append(try CorpusFiles.encodeLines(added))
            return (url: url, old: old, new: Optional(new))
        }
        return try write(changes)
    }

    /// Removes case `id` from its file (under the build lock, as `add`), the other lines kept
    /// byte for byte; nil when no file holds it (404).
    func remove(_ id: String) throws -> Undo? {
        for url in try CorpusFiles.files(in: directory) {
            let (data, lines) = try CorpusFiles.lineIds(of: url)
            guard lines.contains(where: { $0.value == id }) else { continue }
            var rest = Data()
            for line in lines where line.value != id {
                rest.append(data[line.range])
                rest.append(0x0A)
            }
            return try write([(url, data, rest.isEmpty ? nil : rest)])
        }
        return nil
    }

    /// Writes each file atomically; if one fails, those already written are put back.
    private func write(_ changes: [(url: URL, old: Data?, new: Data?)]) throws -> Undo {
        var done: [(url: URL, old: Data?)] = []
        do {
            for change in changes {
                try Self.put(change.new, at: change.url)
                done.append((change.url, change.old))
            }
        } catch {
            try? Undo(files: done)()
            throw error
        }
        return Undo(files: done)
    }

    /// Writes `data` to `url` atomically, or removes the file when `data` is nil.
    static func put(_ data: Data?, at url: URL) throws {
        if let data { try CorpusFiles.writeAtomically(data, to: url) } else if FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }
}
