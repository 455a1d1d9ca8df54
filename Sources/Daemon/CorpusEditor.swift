import Corpus
import Foundation
import Importer

/// Growing and pruning the corpus while serving (`POST /v1/cases`, `DELETE /v1/cases/{id}`).
///
/// Each change is checked first (it imports, its ids are new, the case exists), then written
/// with `CorpusFiles.writeAtomically` (temporary file, fsync, rename, fsync of the directory):
/// a crash at any moment leaves the old file or the new one. The model is then rebuilt from
/// the files and swapped in before the answer, so new cases are searchable at once; if that
/// build fails the files are put back and the old model keeps serving.
public struct CorpusEditor: Sendable {
    public let directory: URL
    let importer: Importer

    public init(directory: URL, importer: Importer) {
        self.directory = directory
        self.importer = importer
    }

    /// The cases a request adds: a raw collection (`text` with `source_id` and optional title,
    /// issuer, year) or case objects (`cases`, as `GET /v1/cases/{id}` gives them).
    func cases(from object: [String: Any], data: Data) throws -> [CaseRecord] {
        if let raw = object["cases"] {
            guard raw is [Any] else { throw APIError.unprocessable(field: "cases", "expected a list of case objects") }
            struct Batch: Decodable { let cases: [CaseRecord] }
            let batch: Batch
            do { batch = try JSONDecoder().decode(Batch.self, from: data) } catch let error as DecodingError {
                throw APIError.unprocessable(field: error.fieldPath.isEmpty ? "cases" : error.fieldPath, "expected \(error.expected)")
            }
            guard !batch.cases.isEmpty else { throw APIError.unprocessable(field: "cases", "empty") }
            for (index, record) in batch.cases.enumerated() {
                guard record.id.hasPrefix(record.source.id + "-"), Int(record.id.dropFirst(record.source.id.count + 1)) != nil else {
                    throw APIError.unprocessable(field: "cases[\(index)].id", "'\(record.id)' is not <source id>-<number> with source id '\(record.source.id)'")
                }
            }
            return batch.cases
        }
        guard let text = object["text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.unprocessable(field: "body", "give \"text\" (a raw collection with \"source_id\") or \"cases\" (case objects)")
        }
        guard let sourceId = object["source_id"] as? String,
              sourceId.range(of: #"^[A-Za-z0-9][A-Za-z0-9_-]*$"#, options: .regularExpression) != nil else {
            throw APIError.unprocessable(field: "source_id", "required with text: letters, digits, - or _")
        }
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

    /// The files to write for new cases: each source's file with its cases appended.
    /// Refuses an id the corpus (or the batch) already has.
    func additions(_ cases: [CaseRecord]) throws -> [(url: URL, old: Data?, new: Data)] {
        let existing = try CorpusFiles.readDirectory(directory)
        var known = Set(existing.map(\.id))
        for record in cases {
            guard known.insert(record.id).inserted else {
                throw APIError(.conflict, "duplicate_case", "case '\(record.id)' is already in the corpus; DELETE it first to replace it")
            }
        }
        return try Dictionary(grouping: cases, by: \.source.id).sorted { $0.key < $1.key }.map { source, added in
            let url = directory.appendingPathComponent("\(source).jsonl")
            let old = FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
            let before = old == nil ? [] : try CorpusFiles.readFile(url)
            return (url, old, try CorpusFiles.encodeLines(before + added))
        }
    }

    /// The file without case `id`: nil when no file holds it (404).
    func removal(of id: String) throws -> (url: URL, old: Data, new: Data?)? {
        for url in try CorpusFiles.files(in: directory) {
            let cases = try CorpusFiles.readFile(url)
            guard cases.contains(where: { $0.id == id }) else { continue }
            let rest = cases.filter { $0.id != id }
            return (url, try Data(contentsOf: url), rest.isEmpty ? nil : try CorpusFiles.encodeLines(rest))
        }
        return nil
    }

    /// Writes `data` to `url` atomically, or removes the file when `data` is nil.
    static func put(_ data: Data?, at url: URL) throws {
        if let data { try CorpusFiles.writeAtomically(data, to: url) } else if FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }
}
