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

/// The model file: little-endian, versioned, checksummed.
///
///     magic "PRMODEL1" (8 bytes) · format version (UInt32) · section count (UInt32)
///     fingerprint (UInt64) · checksum of everything after the header (UInt64)
///     sections, each: name (4 ASCII bytes) · byte length (UInt64) · payload
///
/// Sections: TERM, CASE, PRAC (UTF-8 lines), PROW (Int64 per practice), IDF_, SIGM (Double),
/// VBAS (terms × k, column-major Double), CVEC and PVEC (rows × k, row-major Double), DIMS
/// (Int64: terms, cases, practices, k), FOLD (Int64: cases folded in since the build). A file that is damaged, of another version, or built
/// from other inputs is refused with a sentence that says which.
public enum ModelFile {
    static let magic = Array("PRMODEL1".utf8)
    public static let formatVersion: UInt32 = 2  // 2: singular vectors with a sign convention
    static let headerSize = 32

    public static func encode(_ model: LSAModel) -> Data {
        var sections: [(String, Data)] = []
        func lines(_ values: [String]) -> Data { Data(values.joined(separator: "\n").utf8) }
        func doubles(_ values: [Double]) -> Data { values.map(\.bitPattern.littleEndian).withUnsafeBytes { Data($0) } }
        func integers(_ values: [Int]) -> Data { values.map { Int64($0).littleEndian }.withUnsafeBytes { Data($0) } }
        sections.append(("DIMS", integers([model.terms.count, model.caseIds.count, model.practiceIds.count, model.dimension])))
        sections.append(("FOLD", integers([model.foldedCaseCount])))
        sections.append(("TERM", lines(model.terms)))
        sections.append(("CASE", lines(model.caseIds)))
        sections.append(("PRAC", lines(model.practiceIds)))
        sections.append(("PROW", integers(model.practiceCaseRows)))
        sections.append(("IDF_", doubles(model.inverseDocumentFrequency)))
        sections.append(("SIGM", doubles(model.singularValues)))
        sections.append(("VBAS", doubles(model.termBasis.values)))
        sections.append(("CVEC", doubles(model.caseVectors.values)))
        sections.append(("PVEC", doubles(model.practiceVectors.values)))

        var body = Data()
        for (name, payload) in sections {
            body.append(contentsOf: Array(name.utf8))
            withUnsafeBytes(of: UInt64(payload.count).littleEndian) { body.append(contentsOf: $0) }
            body.append(payload)
        }
        var data = Data(magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(sections.count).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: model.fingerprint.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: checksum(body).littleEndian) { data.append(contentsOf: $0) }
        data.append(body)
        return data
    }

    /// Reads a model; `expectedFingerprint` (when given) must match the file's.
    public static func decode(_ data: Data, path: String, expectedFingerprint: UInt64? = nil) throws -> LSAModel {
        let bytes = [UInt8](data)
        func fail(_ reason: String) -> ModelFileError { ModelFileError(path: path, reason: reason) }
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else { throw fail("not a practiced model file (bad magic)") }
        func uint32(_ offset: Int) -> UInt32 { bytes[offset..<(offset + 4)].enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) } }
        func uint64(_ offset: Int) -> UInt64 { bytes[offset..<(offset + 8)].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) } }
        let version = uint32(8)
        guard version == formatVersion else { throw fail("format version \(version), this practiced reads version \(formatVersion); rebuild with `practiced build`") }
        let sectionCount = Int(uint32(12))
        let fingerprint = uint64(16)
        guard checksum(Data(bytes[headerSize...])) == uint64(24) else { throw fail("checksum mismatch: the file is damaged; rebuild with `practiced build`") }
        if let expectedFingerprint, expectedFingerprint != fingerprint {
            throw fail("built from other inputs (corpus, configuration or lexicon changed); rebuild with `practiced build`")
        }
        var sections: [String: ArraySlice<UInt8>] = [:]
        var offset = headerSize
        for _ in 0..<sectionCount {
            guard offset + 12 <= bytes.count else { throw fail("truncated section header at byte \(offset)") }
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let length = Int(uint64(offset + 4))
            offset += 12
            guard length >= 0, offset + length <= bytes.count else { throw fail("section \(name) runs past the end of the file") }
            sections[name] = bytes[offset..<(offset + length)]
            offset += length
        }
        guard offset == bytes.count else { throw fail("\(bytes.count - offset) bytes after the last section") }
        func section(_ name: String) throws -> ArraySlice<UInt8> {
            guard let section = sections[name] else { throw fail("section \(name) is missing") }
            return section
        }
        func lines(_ name: String, count: Int) throws -> [String] {
            let text = String(decoding: try section(name), as: UTF8.self)
            let values = count == 0 ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard values.count == count else { throw fail("section \(name) has \(values.count) entries, expected \(count)") }
            return values
        }
        /// Little-endian 8-byte words of a section.
        func words(_ name: String, count: Int) throws -> [UInt64] {
            let raw = try section(name)
            guard raw.count == count * 8 else { throw fail("section \(name) has \(raw.count) bytes, expected \(count * 8)") }
            return stride(from: raw.startIndex, to: raw.endIndex, by: 8).map { start in
                raw[start..<(start + 8)].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            }
        }
        func doubles(_ name: String, count: Int) throws -> [Double] { try words(name, count: count).map(Double.init(bitPattern:)) }
        func integers(_ name: String, count: Int) throws -> [Int] { try words(name, count: count).map { Int(Int64(bitPattern: $0)) } }
        let dimensions = try integers("DIMS", count: 4)
        let (terms, cases, practices, k) = (dimensions[0], dimensions[1], dimensions[2], dimensions[3])
        guard terms >= 0, cases >= 0, practices >= 0, k >= 0 else { throw fail("negative dimensions") }
        let folded = try integers("FOLD", count: 1)[0]
        guard (0...cases).contains(folded) else { throw fail("\(folded) folded-in cases of \(cases)") }
        let rows = try integers("PROW", count: practices)
        guard rows.allSatisfy({ (0..<max(cases, 1)).contains($0) }) else { throw fail("a practice points outside the cases") }
        return LSAModel(
            fingerprint: fingerprint, terms: try lines("TERM", count: terms),
            inverseDocumentFrequency: try doubles("IDF_", count: terms), caseIds: try lines("CASE", count: cases),
            practiceIds: try lines("PRAC", count: practices), practiceCaseRows: rows,
            singularValues: try doubles("SIGM", count: k),
            termBasis: DenseMatrix(rows: terms, columns: k, values: try doubles("VBAS", count: terms * k)),
            caseVectors: RowMajorMatrix(rows: cases, columns: k, values: try doubles("CVEC", count: cases * k)),
            practiceVectors: RowMajorMatrix(rows: practices, columns: k, values: try doubles("PVEC", count: practices * k)),
            foldedCaseCount: folded)
    }

    /// FNV-1a over 8-byte words (and the tail bytes): cheap, and any flipped bit changes it.
    static func checksum(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = hash &* 0x100_0000_01B3
                hash ^= hash >> 32
            }
            for index in (words * 8)..<raw.count {
                hash ^= UInt64(raw[index])
                hash = hash &* 0x100_0000_01B3
            }
        }
        return hash
    }
}

public struct ModelFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): model refused: \(reason)" }
}
