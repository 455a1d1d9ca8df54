import Features
import Foundation

/// What the engine needs from a built corpus, saved and loaded as one file: the vocabulary and
/// idf (to weight a query), the term basis V_k (to fold it in), and the vectors of every case and
/// practice.
public struct LSAModel: Sendable, Equatable {
    /// Identifies the inputs the model was built from (corpus, configuration, lexicon).
    public let fingerprint: UInt64
    public let terms: [String]
    public let inverseDocumentFrequency: [Double]
    public let caseIds: [String]
    public let practiceIds: [String]
    /// Row of each practice's case.
    public let practiceCaseRows: [Int]
    public let singularValues: [Double]
    /// V_k: terms × k, column-major.
    public let termBasis: DenseMatrix
    /// cases × k and practices × k, row-major.
    public let caseVectors: RowMajorMatrix
    public let practiceVectors: RowMajorMatrix
    /// The last `foldedCaseCount` cases were folded in after the build (their vectors are their
    /// TF-IDF rows times V_k; the SVD has not seen them).
    public let foldedCaseCount: Int

    public init(fingerprint: UInt64, features: FeatureSpace, space: SemanticSpace) {
        self.fingerprint = fingerprint
        terms = features.vocabulary.terms
        inverseDocumentFrequency = features.weighting.inverseDocumentFrequency
        caseIds = features.caseIds
        practiceIds = features.practiceIds
        practiceCaseRows = features.practiceCaseRows
        singularValues = space.singularValues
        termBasis = space.termBasis
        caseVectors = space.caseVectors
        practiceVectors = space.practiceVectors
        foldedCaseCount = 0
    }

    init(fingerprint: UInt64, terms: [String], inverseDocumentFrequency: [Double], caseIds: [String], practiceIds: [String],
         practiceCaseRows: [Int], singularValues: [Double], termBasis: DenseMatrix, caseVectors: RowMajorMatrix, practiceVectors: RowMajorMatrix,
         foldedCaseCount: Int = 0) {
        self.fingerprint = fingerprint
        self.terms = terms
        self.inverseDocumentFrequency = inverseDocumentFrequency
        self.caseIds = caseIds
        self.practiceIds = practiceIds
        self.practiceCaseRows = practiceCaseRows
        self.singularValues = singularValues
        self.termBasis = termBasis
        self.caseVectors = caseVectors
        self.practiceVectors = practiceVectors
        self.foldedCaseCount = foldedCaseCount
    }

    public var dimension: Int { singularValues.count }

    /// True when folded-in cases are more than `share` of all cases: time for a full rebuild.
    public func needsRebuild(foldedShare share: Double) -> Bool {
        caseIds.isEmpty ? false : Double(foldedCaseCount) / Double(caseIds.count) > share
    }

    public var semanticSpace: SemanticSpace {
        SemanticSpace(singularValues: singularValues, termBasis: termBasis, caseVectors: caseVectors, practiceVectors: practiceVectors)
    }
}

/// The model file: a `SectionFile` with magic "PRMODEL1".
///
/// Sections: TERM, CASE, PRAC (UTF-8 lines), PROW (Int64 per practice), IDF_, SIGM (Double),
/// VBAS (terms × k, column-major Double), CVEC and PVEC (rows × k, row-major Double), DIMS
/// (Int64: terms, cases, practices, k), FOLD (Int64: cases folded in since the build). A file that is damaged, of another version, or built
/// from other inputs is refused with a sentence that says which.
public enum ModelFile {
    static let magic = "PRMODEL1"
    public static let formatVersion: UInt32 = 2  // 2: singular vectors with a sign convention

    public static func encode(_ model: LSAModel) -> Data {
        var file = SectionFile.Writer()
        file.add("DIMS", integers: [model.terms.count, model.caseIds.count, model.practiceIds.count, model.dimension])
        file.add("FOLD", integers: [model.foldedCaseCount])
        file.add("TERM", lines: model.terms)
        file.add("CASE", lines: model.caseIds)
        file.add("PRAC", lines: model.practiceIds)
        file.add("PROW", integers: model.practiceCaseRows)
        file.add("IDF_", doubles: model.inverseDocumentFrequency)
        file.add("SIGM", doubles: model.singularValues)
        file.add("VBAS", doubles: model.termBasis.values)
        file.add("CVEC", doubles: model.caseVectors.values)
        file.add("PVEC", doubles: model.practiceVectors.values)
        return file.data(magic: magic, version: formatVersion, fingerprint: model.fingerprint)
    }

    /// Reads a model; `expectedFingerprint` (when given) must match the file's.
    public static func decode(_ data: Data, path: String, expectedFingerprint: UInt64? = nil) throws -> LSAModel {
        do {
            let file = try SectionFile.Reader(data, path: path, magic: magic, version: formatVersion, expectedFingerprint: expectedFingerprint)
            let dimensions = try file.integers("DIMS", count: 4)
            let (terms, cases, practices, k) = (dimensions[0], dimensions[1], dimensions[2], dimensions[3])
            guard terms >= 0, cases >= 0, practices >= 0, k >= 0 else { throw file.fail("negative dimensions") }
            let folded = try file.integers("FOLD", count: 1)[0]
            guard (0...cases).contains(folded) else { throw file.fail("\(folded) folded-in cases of \(cases)") }
            let rows = try file.integers("PROW", count: practices)
            guard rows.allSatisfy({ (0..<max(cases, 1)).contains($0) }) else { throw file.fail("a practice points outside the cases") }
            return LSAModel(
                fingerprint: file.fingerprint, terms: try file.lines("TERM", count: terms),
                inverseDocumentFrequency: try file.doubles("IDF_", count: terms), caseIds: try file.lines("CASE", count: cases),
                practiceIds: try file.lines("PRAC", count: practices), practiceCaseRows: rows,
                singularValues: try file.doubles("SIGM", count: k),
                termBasis: DenseMatrix(rows: terms, columns: k, values: try file.doubles("VBAS", count: terms * k)),
                caseVectors: RowMajorMatrix(rows: cases, columns: k, values: try file.doubles("CVEC", count: cases * k)),
                practiceVectors: RowMajorMatrix(rows: practices, columns: k, values: try file.doubles("PVEC", count: practices * k)),
                foldedCaseCount: folded)
        } catch let error as SectionFileError {
            throw ModelFileError(path: error.path, reason: error.reason)
        }
    }
}

public struct ModelFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): model refused: \(reason)" }
}
