import Foundation

/// What every start and every request needs of every case, without its texts: its title, its
/// Healthy China action label, where it comes from and the year of its document (what filters,
/// place features and the reports' map read). Saved in the corpus stage beside the features.
public struct CaseFacts: Sendable, Equatable {
    public var title: String?
    public var category: String?
    public var region: RegionInfo
    public var year: Int?

    public init(title: String?, category: String?, region: RegionInfo, year: Int?) {
        self.title = title
        self.category = category
        self.region = region
        self.year = year
    }

    public init(_ record: CaseRecord) {
        self.init(title: record.title, category: record.category, region: record.region, year: record.source.year)
    }
}

/// Where a case lies in the corpus files: the file's position among the directory's `.jsonl`
/// files (by name) and the bytes of its line.
public struct CaseLine: Sendable, Equatable {
    public let file: Int
    public let range: Range<Int>

    public init(file: Int, range: Range<Int>) {
        self.file = file
        self.range = range
    }

    /// The line's bytes in its file's mapped bytes (`files[file]`), without a copy.
    public func bytes(in files: [Data]) -> Data {
        let data = files[file]
        return data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
    }
}

/// The corpus's cases in the feature space's order, one immutable catalogue that recommend,
/// similar and reports share. Each case's `CaseFacts` are held; a whole `CaseRecord` (its
/// texts, practices, provenance) is decoded from its line of the memory-mapped corpus files
/// when an answer first needs it, then kept.
///
/// Why: decoding every case's JSON at start was most of a 50,000-case daemon's start (8 s) and
/// a gigabyte of its memory, and an answer shows ten cases. The lines are the ones the stage
/// was built from: its fingerprint covers the corpus files' bytes, and the files are only ever
/// replaced by rename (`CorpusFiles.writeAtomically`), which leaves a mapping as it was.
public final class CaseCatalogue: RandomAccessCollection, Sendable {
    public let ids: [String]
    public let facts: [CaseFacts]
    /// The mapped corpus files, and each case's file and line in them.
    private let files: [Data]
    private let lines: [CaseLine]
    private let paths: [String]
    /// The cases decoded so far, by row.
    private let decoded: RowMemo<CaseRecord>
    private let rowsById: [String: Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// Cases already in memory (a fresh analysis, an edit, the tests).
    public init(records: [CaseRecord]) {
        ids = records.map(\.id)
        facts = records.map(CaseFacts.init)
        files = []
        lines = []
        paths = []
        decoded = Memo(Dictionary(uniqueKeysWithValues: records.enumerated().map { ($0.offset, $0.element) }))
        rowsById = Dictionary(records.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cases of a corpus directory, mapped: `ids`, `facts` and `lines` from the stage that
    /// was built from these files (same fingerprint), in their order. Only the lines an answer
    /// shows are ever read (cutting the files into lines at start touched every page: 450 MB of
    /// resident memory at 50,000 cases).
    public init(directory: URL, ids: [String], facts: [CaseFacts], lines: [CaseLine]) throws {
        precondition(ids.count == facts.count && ids.count == lines.count, "facts and a line for every case")
        let urls = try CorpusFiles.files(in: directory)
        let files = try CorpusFiles.mapped(urls)
        for (row, line) in lines.enumerated() {
            guard files.indices.contains(line.file), line.range.lowerBound >= 0, line.range.upperBound <= files[line.file].count else {
                throw CorpusError.unreadable(path: directory.path, reason: "case \(ids[row]) of the saved stage lies outside the corpus files (\(urls.count) files)")
            }
        }
        self.ids = ids
        self.facts = facts
        self.files = files
        self.lines = lines
        paths = urls.map(\.path)
        decoded = Memo()
        rowsById = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The case at `row`, decoded on first use.
    public subscript(row: Int) -> CaseRecord {
        decoded.value(row) {
            let line = lines[row]
            // The bytes the stage was built from (same fingerprint): they decoded then.
            do {
                return try JSONDecoder().decode(CaseRecord.self, from: line.bytes(in: files))
            } catch {
                fatalError("\(paths[line.file]): the case line of \(ids[row]) no longer decodes (\(error)); the corpus was changed in place while served")
            }
        }
    }

    /// The row of case `id`, nil when the corpus has none.
    public func row(of id: String) -> Int? { rowsById[id] }

    /// Case `id`, nil when the corpus has none.
    public func record(id: String) -> CaseRecord? { row(of: id).map { self[$0] } }
}
