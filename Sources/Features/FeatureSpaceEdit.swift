import Analyzer
import Corpus

extension FeatureSpace {
    /// A row of the space after a corpus edit: an unchanged case (its row in the old space) or
    /// a case to analyse.
    public enum EditedRow: Sendable {
        case kept(Int)
        case added(CaseRecord)
    }

    /// The space after a corpus edit, rows in `rows`' order: a kept case's counts and tags
    /// copied, an added case analysed (its practices too) with the vocabulary and idf kept —
    /// words the vocabulary lacks are left out until a refit (`practiced build`), as the LSA
    /// model folds new cases into its basis. Only the added cases are segmented and tagged.
    public func edited(_ rows: [EditedRow], analyzer: TermAnalyzer, tagger: Tagger) -> FeatureSpace {
        let added = rows.compactMap { row -> CaseRecord? in if case .added(let record) = row { record } else { nil } }
        let addedPractices = added.flatMap(\.practices)
        let caseAnalysis = Self.analysed(added.map(\.text), analyzer: analyzer, tagger: tagger)
        let practiceAnalysis = Self.analysed(addedPractices.map(\.text), analyzer: analyzer, tagger: tagger)
        var practicesOfCase = [[Int]](repeating: [], count: caseIds.count)
        for (practice, row) in practiceCaseRows.enumerated() { practicesOfCase[row].append(practice) }

        var caseRows = RowCopier(columns: vocabulary.count), practiceRows = RowCopier(columns: vocabulary.count)
        var ids: [String] = [], tags: [[Tagger.Hit]] = []
        var newPracticeIds: [String] = [], newPracticeRows: [Int] = [], newPracticeTags: [[Tagger.Hit]] = []
        var nextCase = 0, nextPractice = 0
        for row in rows {
            let caseRow = ids.count
            switch row {
            case .kept(let old):
                ids.append(caseIds[old])
                caseRows.copy(row: old, of: caseCounts)
                tags.append(caseTags[old])
                for practice in practicesOfCase[old] {
                    newPracticeIds.append(practiceIds[practice])
                    newPracticeRows.append(caseRow)
                    practiceRows.copy(row: practice, of: practiceCounts)
                    newPracticeTags.append(practiceTags[practice])
                }
            case .added(let record):
                ids.append(record.id)
                caseRows.append(vocabulary.counts(of: caseAnalysis[nextCase].terms))
                tags.append(caseAnalysis[nextCase].tags)
                nextCase += 1
                for practice in record.practices {
                    newPracticeIds.append(practice.id)
                    newPracticeRows.append(caseRow)
                    practiceRows.append(vocabulary.counts(of: practiceAnalysis[nextPractice].terms))
                    newPracticeTags.append(practiceAnalysis[nextPractice].tags)
                    nextPractice += 1
                }
            }
        }
        return FeatureSpace(
            vocabulary: vocabulary, weighting: weighting, caseIds: ids, caseCounts: caseRows.matrix, caseTags: tags,
            practiceIds: newPracticeIds, practiceCaseRows: newPracticeRows, practiceCounts: practiceRows.matrix, practiceTags: newPracticeTags)
    }
}

/// A CSR matrix built row by row: rows copied from another matrix, or given as column → value.
private struct RowCopier {
    let columns: Int
    var pointers = [0], indices: [Int32] = [], values: [Double] = []

    init(columns: Int) {
        self.columns = columns
    }

    mutating func copy(row: Int, of matrix: SparseMatrix) {
        let entries = matrix.row(row)
        indices.append(contentsOf: entries.columns)
        values.append(contentsOf: entries.values)
        pointers.append(indices.count)
    }

    mutating func append(_ entries: [Int32: Double]) {
        for (column, value) in entries.sorted(by: { $0.key < $1.key }) where value != 0 {
            indices.append(column)
            values.append(value)
        }
        pointers.append(indices.count)
    }

    var matrix: SparseMatrix {
        SparseMatrix(rows: pointers.count - 1, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
    }
}
