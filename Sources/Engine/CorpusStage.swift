import Corpus
import Features
import Foundation

/// The analysed corpus, saved by `practiced build` as `features.stage` and read at every start
/// instead of segmenting and tagging every case again: the vocabulary and idf, each case's and
/// practice's term counts and tags, and each case's
/// `CaseFacts` (so that a start decodes no case's JSON: `CaseCatalogue`). Tied to its
/// inputs by the same fingerprint as `lsa.model` (corpus, configuration, lexicon); refused, and
/// computed again, when they changed.
public struct CorpusStage: Sendable {
    public let features: FeatureSpace
    /// Per case, in the features' order: its facts, and where its line lies in the corpus files.
    public let facts: [CaseFacts]
    public let lines: [CaseLine]
    /// Per case, a hash of its line's bytes: after an edit, a line with a known hash is a case
    /// already analysed (`FeatureSpace.edited`).
    public let lineHashes: [UInt64]

    public init(features: FeatureSpace, facts: [CaseFacts], lines: [CaseLine], lineHashes: [UInt64]) {
        precondition(facts.count == features.caseIds.count && lines.count == facts.count && lineHashes.count == lines.count,
                     "facts and a line for every case")
        self.features = features
        self.facts = facts
        self.lines = lines
        self.lineHashes = lineHashes
    }

    static let magic = "PRSTAGE1"
    public static let formatVersion: UInt32 = 4
    /// How a fact's line says it is absent (no title, no label…): a NUL, which no text has.
    static let absent = "\u{0}"

    /// Sections: DIMS (Int64: terms, cases, practices, tag keys, matched words), TERM, CASE, PRAC (lines), PROW (Int64),
    /// IDF_ (Double), CPTR/CCOL/CVAL and PPTR/PCOL/PVAL (the count matrices, CSR: Int64 row
    /// pointers, Int32 columns, Double counts), CTGP/CTAG and PTGP/PTAG (the tag hits of cases
    /// and practices: Int64 row pointers; four Int32 per hit — tag index in TAGK/TAGG/TAGL (key,
    /// group, label lines), matched-word index in MWRD (lines), offset, count); the facts: FTTL, FCAT (title, category), FRNM,
    /// FPRV, FPRF, FCTY, FSUB, FLVL (the region's fields) as lines, `absent` for nil, FYER (Int64,
    /// Int64.min for nil); LINE (Int64: file, start, end of each case's line, `CaseLine`), LHSH (its hash, as Int64 bits).
    public func encode(fingerprint: UInt64) -> Data {
        var file = SectionFile.Writer()
        let features = features
        file.add("TERM", lines: features.vocabulary.terms)
        file.add("CASE", lines: features.caseIds)
        file.add("PRAC", lines: features.practiceIds)
        file.add("PROW", integers: features.practiceCaseRows)
        file.add("IDF_", doubles: features.weighting.inverseDocumentFrequency)
        for (prefix, counts) in [("C", features.caseCounts), ("P", features.practiceCounts)] {
            file.add(prefix + "PTR", integers: counts.rowPointers)
            file.add(prefix + "COL", int32s: counts.columnIndices)
            file.add(prefix + "VAL", doubles: counts.values)
        }
        // Tag hits: the tag by its key's index among all keys seen, the matched words once each.
        var words: [String] = [], wordIndex: [String: Int32] = [:]
        var keys: [String] = [], keyIndex: [String: Int32] = [:]
        var groups: [String] = [], labels: [String] = []
        func index(_ value: String, in list: inout [String], _ lookup: inout [String: Int32]) -> Int32 {
            if let found = lookup[value] { return found }
            lookup[value] = Int32(list.count)
            list.append(value)
            return Int32(list.count - 1)
        }
        for (name, hits) in [("CTAG", features.caseTags), ("PTAG", features.practiceTags)] {
            var pointers = [0], fields: [Int32] = []
            for row in hits {
                for hit in row {
                    let key = index(hit.key, in: &keys, &keyIndex)
                    if Int(key) == groups.count { groups.append(hit.group); labels.append(hit.label) }
                    fields += [key, index(hit.matched, in: &words, &wordIndex), Int32(hit.offset), Int32(hit.count)]
                }
                pointers.append(fields.count / 4)
            }
            file.add(name.prefix(1) + "TGP", integers: pointers)
            file.add(name, int32s: fields)
        }
        file.add("DIMS", integers: [features.vocabulary.count, features.caseIds.count, features.practiceIds.count, keys.count, words.count])
        file.add("TAGK", lines: keys)
        file.add("TAGG", lines: groups)
        file.add("TAGL", lines: labels)
        file.add("MWRD", lines: words)
        for (name, field) in Self.factFields { file.add(name, lines: facts.map { field($0) ?? Self.absent }) }
        file.add("FYER", integers: facts.map { $0.year ?? Int(Int64.min) })
        file.add("LINE", integers: lines.flatMap { [$0.file, $0.range.lowerBound, $0.range.upperBound] })
        file.add("LHSH", integers: lineHashes.map { Int(Int64(bitPattern: $0)) })
        return file.data(magic: Self.magic, version: Self.formatVersion, fingerprint: fingerprint)
    }

    public static func decode(_ data: Data, path: String, expectedFingerprint: UInt64) throws -> CorpusStage {
        let file = try SectionFile.Reader(data, path: path, magic: magic, version: formatVersion, expectedFingerprint: expectedFingerprint)
        let dimensions = try file.integers("DIMS", count: 5)
        let (terms, cases, practices, tagKeys, matchedWords) = (dimensions[0], dimensions[1], dimensions[2], dimensions[3], dimensions[4])
        guard dimensions.allSatisfy({ $0 >= 0 }) else { throw file.fail("negative dimensions") }
        func counts(_ prefix: String, rows: Int) throws -> SparseMatrix {
            let pointers = try file.integers(prefix + "PTR", count: rows + 1)
            guard pointers.first == 0, zip(pointers, pointers.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw file.fail("section \(prefix)PTR is not a row index")
            }
            let columns = try file.int32s(prefix + "COL", count: pointers.last!)
            guard columns.allSatisfy({ $0 >= 0 && Int($0) < terms }) else { throw file.fail("section \(prefix)COL points outside the terms") }
            return SparseMatrix(rows: rows, columns: terms, rowPointers: pointers, columnIndices: columns,
                                values: try file.doubles(prefix + "VAL", count: pointers.last!))
        }
        let keys = try file.lines("TAGK", count: tagKeys)
        let groups = try file.lines("TAGG", count: tagKeys), labels = try file.lines("TAGL", count: tagKeys)
        let words = try file.lines("MWRD", count: matchedWords)
        func tags(_ name: String, rows: Int) throws -> [[Tagger.Hit]] {
            let pointers = try file.integers(name.prefix(1) + "TGP", count: rows + 1)
            guard pointers.first == 0, zip(pointers, pointers.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw file.fail("section \(name.prefix(1))TGP is not a row index")
            }
            let fields = try file.int32s(name, count: pointers.last! * 4)
            guard stride(from: 0, to: fields.count, by: 4).allSatisfy({ Int(fields[$0]) < keys.count && Int(fields[$0 + 1]) < words.count
                && fields[$0] >= 0 && fields[$0 + 1] >= 0 }) else { throw file.fail("section \(name) points outside its tables") }
            return (0..<rows).map { row in
                (pointers[row]..<pointers[row + 1]).map { hit in
                    let key = Int(fields[hit * 4])
                    return Tagger.Hit(key: keys[key], label: labels[key], group: groups[key], matched: words[Int(fields[hit * 4 + 1])],
                                      offset: Int(fields[hit * 4 + 2]), count: Int(fields[hit * 4 + 3]))
                }
            }
        }
        let practiceCaseRows = try file.integers("PROW", count: practices)
        guard practiceCaseRows.allSatisfy({ (0..<max(cases, 1)).contains($0) }) else { throw file.fail("a practice points outside the cases") }
        let features = FeatureSpace(
            vocabulary: Vocabulary(sortedTerms: try file.lines("TERM", count: terms)),
            weighting: TfidfWeighting(inverseDocumentFrequency: try file.doubles("IDF_", count: terms), documentCount: cases),
            caseIds: try file.lines("CASE", count: cases), caseCounts: try counts("C", rows: cases), caseTags: try tags("CTAG", rows: cases),
            practiceIds: try file.lines("PRAC", count: practices), practiceCaseRows: practiceCaseRows,
            practiceCounts: try counts("P", rows: practices), practiceTags: try tags("PTAG", rows: practices))
        var columns: [String: [String?]] = [:]
        for (name, _) in factFields { columns[name] = try file.lines(name, count: cases).map { $0 == absent ? nil : $0 } }
        let years = try file.integers("FYER", count: cases)
        let facts = (0..<cases).map { row in
            CaseFacts(title: columns["FTTL"]![row], category: columns["FCAT"]![row],
                      region: RegionInfo(name: columns["FRNM"]![row] ?? "", province: columns["FPRV"]![row], prefecture: columns["FPRF"]![row],
                                         county: columns["FCTY"]![row], subUnit: columns["FSUB"]![row], level: columns["FLVL"]![row]),
                      year: years[row] == Int(Int64.min) ? nil : years[row])
        }
        let bounds = try file.integers("LINE", count: cases * 3)
        let lines = try (0..<cases).map { row in
            let (index, start, end) = (bounds[row * 3], bounds[row * 3 + 1], bounds[row * 3 + 2])
            guard index >= 0, start >= 0, start <= end else { throw file.fail("section LINE: case \(row) has no line") }
            return CaseLine(file: index, range: start..<end)
        }
        let hashes = try file.integers("LHSH", count: cases).map { UInt64(bitPattern: Int64($0)) }
        return CorpusStage(features: features, facts: facts, lines: lines, lineHashes: hashes)
    }

    /// The facts saved as lines, by section name.
    static let factFields: [(String, @Sendable (CaseFacts) -> String?)] = [
        ("FTTL", \.title), ("FCAT", \.category), ("FRNM", \.region.name), ("FPRV", \.region.province),
        ("FPRF", \.region.prefecture), ("FCTY", \.region.county), ("FSUB", \.region.subUnit), ("FLVL", \.region.level),
    ]
}
