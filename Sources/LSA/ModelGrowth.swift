import Features

/// A case to fold into a built model: its id and terms, and its practices' ids and terms.
public struct FoldedCase: Sendable {
    public let id: String
    public let terms: [String]
    public let practices: [(id: String, terms: [String])]

    public init(id: String, terms: [String], practices: [(id: String, terms: [String])] = []) {
        self.id = id
        self.terms = terms
        self.practices = practices
    }
}

/// Growing and shrinking a built model without a new SVD (the daemon's `POST` and `DELETE
/// /v1/cases`): the basis V_k stays, cases come and go.
extension LSAModel {
    /// The model with new cases (and their practices) folded in: each text weighted with the
    /// model's idf (sublinear tf, unit length, as at build time) and projected on V_k, so that
    /// the case is searchable at once. Terms the model does not know are left out of its vector
    /// (BM25, which reads the corpus itself, still finds them); they enter at the next rebuild.
    public func foldingIn(_ cases: [FoldedCase]) -> LSAModel {
        var columnByTerm: [String: Int32] = [:]
        for (column, term) in terms.enumerated() { columnByTerm[term] = Int32(column) }
        let weighting = TfidfWeighting(inverseDocumentFrequency: inverseDocumentFrequency, documentCount: caseIds.count)
        func vectors(_ documents: [[String]]) -> RowMajorMatrix {
            let counts = documents.map { document in
                document.reduce(into: [Int32: Double]()) { counts, term in
                    if let column = columnByTerm[term] { counts[column, default: 0] += 1 }
                }
            }
            return SemanticSpace.foldIn(weighting.transform(SparseMatrix(columns: terms.count, rows: counts)), basis: termBasis)
        }
        let newCases = vectors(cases.map(\.terms))
        let newPractices = vectors(cases.flatMap { $0.practices.map(\.terms) })
        let newPracticeRows = cases.enumerated().flatMap { offset, folded in
            Array(repeating: caseIds.count + offset, count: folded.practices.count)
        }
        return LSAModel(
            fingerprint: fingerprint, terms: terms, inverseDocumentFrequency: inverseDocumentFrequency,
            caseIds: caseIds + cases.map(\.id), practiceIds: practiceIds + cases.flatMap { $0.practices.map(\.id) },
            practiceCaseRows: practiceCaseRows + newPracticeRows, singularValues: singularValues, termBasis: termBasis,
            caseVectors: RowMajorMatrix(rows: caseVectors.rows + newCases.rows, columns: dimension, values: caseVectors.values + newCases.values),
            practiceVectors: RowMajorMatrix(
                rows: practiceVectors.rows + newPractices.rows, columns: dimension, values: practiceVectors.values + newPractices.values),
            foldedCaseCount: foldedCaseCount + cases.count)
    }

    /// The model without some cases and their practices. The folded-in cases stay the last rows
    /// (and are counted as such).
    public func removing(caseIds removed: Set<String>) -> LSAModel {
        let keptCases = caseIds.indices.filter { !removed.contains(caseIds[$0]) }
        var newRow = [Int](repeating: -1, count: caseIds.count)
        for (row, old) in keptCases.enumerated() { newRow[old] = row }
        let keptPractices = practiceIds.indices.filter { newRow[practiceCaseRows[$0]] >= 0 }
        let firstFolded = caseIds.count - foldedCaseCount
        return LSAModel(
            fingerprint: fingerprint, terms: terms, inverseDocumentFrequency: inverseDocumentFrequency,
            caseIds: keptCases.map { caseIds[$0] }, practiceIds: keptPractices.map { practiceIds[$0] },
            practiceCaseRows: keptPractices.map { newRow[practiceCaseRows[$0]] }, singularValues: singularValues, termBasis: termBasis,
            caseVectors: caseVectors.selectingRows(keptCases), practiceVectors: practiceVectors.selectingRows(keptPractices),
            foldedCaseCount: keptCases.filter { $0 >= firstFolded }.count)
    }

    /// The same model under another fingerprint (after an edit, that of the edited inputs).
    public func fingerprinted(_ fingerprint: UInt64) -> LSAModel {
        LSAModel(
            fingerprint: fingerprint, terms: terms, inverseDocumentFrequency: inverseDocumentFrequency, caseIds: caseIds,
            practiceIds: practiceIds, practiceCaseRows: practiceCaseRows, singularValues: singularValues, termBasis: termBasis,
            caseVectors: caseVectors, practiceVectors: practiceVectors, foldedCaseCount: foldedCaseCount)
    }

    /// The reduced space in the order of a feature space: its cases, practices and vocabulary
    /// (a model grown by folding keeps its own order: new cases last, its own terms). Terms the
    /// model does not know get a zero row of V_k. Throws when the features hold a case or a
    /// practice the model has no vector for.
    public func space(alignedTo features: FeatureSpace) throws -> SemanticSpace {
        let plain = semanticSpace
        if caseIds == features.caseIds, practiceIds == features.practiceIds, terms == features.vocabulary.terms { return plain }
        func rows(_ ids: [String], in modelIds: [String], kind: String) throws -> [Int] {
            let rowById = Dictionary(modelIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return try ids.map { id in
                guard let row = rowById[id] else { throw LSAModelMismatch(reason: "the model has no vector for \(kind) '\(id)'") }
                return row
            }
        }
        var basis = DenseMatrix(rows: features.vocabulary.count, columns: dimension)
        var rowByTerm: [String: Int] = [:]
        for (row, term) in terms.enumerated() { rowByTerm[term] = row }
        for (column, term) in features.vocabulary.terms.enumerated() {
            guard let row = rowByTerm[term] else { continue }
            for component in 0..<dimension { basis[column, component] = termBasis[row, component] }
        }
        return SemanticSpace(
            singularValues: singularValues, termBasis: basis,
            caseVectors: caseVectors.selectingRows(try rows(features.caseIds, in: caseIds, kind: "case")),
            practiceVectors: practiceVectors.selectingRows(try rows(features.practiceIds, in: practiceIds, kind: "practice")))
    }
}

/// A model that does not cover the corpus it is used with.
public struct LSAModelMismatch: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "model and corpus disagree: \(reason); rebuild with `practiced build`" }
}

extension RowMajorMatrix {
    /// The given rows, in the given order.
    func selectingRows(_ rows: [Int]) -> RowMajorMatrix {
        var values: [Double] = []
        values.reserveCapacity(rows.count * columns)
        for row in rows { values.append(contentsOf: self.row(row)) }
        return RowMajorMatrix(rows: rows.count, columns: columns, values: values)
    }
}
