import Features
import Foundation
@testable import LSA
import Testing

@Suite struct ModelFileTests {
    static func smallModel(seed: UInt64 = 5) throws -> LSAModel {
        let counts = SyntheticCorpus(documents: 60, terms: 80, topics: 6, wordsPerDocument: 40, seed: seed).counts()
        let weighting = TfidfWeighting.fit(counts)
        let weights = weighting.transform(counts)
        let svd = try TruncatedSVD.compute(weights, options: .init(k: 8, method: .randomized, oversampling: 8, seed: 3))
        var vectors = RowMajorMatrix(svd.u)
        for row in 0..<vectors.rows { for c in 0..<8 { vectors[row, c] *= svd.singularValues[c] } }
        return LSAModel(
            fingerprint: 0xABCDEF, terms: (0..<80).map { "词\($0)" }, inverseDocumentFrequency: weighting.inverseDocumentFrequency,
            caseIds: (0..<60).map { "x-\($0)" }, practiceIds: ["x-0-p1", "x-5-p1"], practiceCaseRows: [0, 5],
            singularValues: svd.singularValues, termBasis: svd.v, caseVectors: vectors,
            practiceVectors: SemanticSpace.foldIn(SparseMatrix(columns: 80, rows: [[1: 1], [2: 0.5]]), basis: svd.v))
    }

    @Test func roundTripAndSameInputsSameBytes() throws {
        let model = try Self.smallModel()
        let data = ModelFile.encode(model)
        #expect(try ModelFile.decode(data, path: "m") == model)
        #expect(ModelFile.encode(try Self.smallModel()) == data)  // same seed, same input → same model
    }

    @Test func damagedOrForeignFilesAreRefused() throws {
        let data = ModelFile.encode(try Self.smallModel())
        func reason(_ bytes: Data, fingerprint: UInt64? = nil) -> String? {
            do { _ = try ModelFile.decode(bytes, path: "lsa.model", expectedFingerprint: fingerprint); return nil } catch { return "\(error)" }
        }
        var flipped = data
        flipped[data.count / 2] ^= 0x40
        #expect(reason(flipped)?.contains("checksum mismatch") == true)
        #expect(reason(data.prefix(data.count - 9))?.contains("checksum") == true)
        #expect(reason(Data("hello world, not a model at all".utf8))?.contains("bad magic") == true)
        var version = data
        version[8] = 9
        #expect(reason(version)?.contains("format version 9") == true)
        #expect(reason(data, fingerprint: 1)?.contains("built from other inputs") == true)
        #expect(reason(data, fingerprint: 0xABCDEF) == nil)
        #expect(reason(flipped)?.hasPrefix("lsa.model: model refused") == true)
    }

    @Test func foldingACaseInPutsItWhereTheSVDDid() throws {
        let counts = SyntheticCorpus(documents: 50, terms: 70, topics: 5, wordsPerDocument: 40, seed: 9).counts()
        let weights = TfidfWeighting.fit(counts).transform(counts)
        let svd = try TruncatedSVD.compute(weights, options: .init(k: 10, method: .exact))
        let folded = SemanticSpace.foldIn(weights, basis: svd.v)
        // Term vectors are the rows of V_k Σ_k.
        let space = SemanticSpace(singularValues: svd.singularValues, termBasis: svd.v, caseVectors: folded, practiceVectors: folded)
        #expect(abs(space.termVectors[3, 2] - svd.v[3, 2] * svd.singularValues[2]) < 1e-15)
        for row in [0, 17, 49] {
            for c in 0..<10 { #expect(abs(folded[row, c] - svd.u[row, c] * svd.singularValues[c]) < 1e-12) }
        }
    }

    /// A new case is searchable at once: folded in with the model's idf and basis, marked, and
    /// saved with the mark; past a share of folded cases the model asks for a rebuild.
    @Test func growthWithoutARebuild() throws {
        let model = try Self.smallModel()
        let text = ["词3", "词3", "词7", "词12", "不在词表"]
        let grown = model.foldingIn([FoldedCase(id: "new-01", terms: text, practices: [(id: "new-01-p1", terms: text)])])
        #expect(grown.caseIds.last == "new-01")
        #expect(grown.foldedCaseCount == 1)
        #expect(grown.caseVectors.rows == model.caseVectors.rows + 1)
        #expect(Array(grown.caseVectors.values.prefix(model.caseVectors.values.count)) == model.caseVectors.values)
        // Its vector is its TF-IDF row (known terms, the model's idf) times V_k.
        let weights = TfidfWeighting(inverseDocumentFrequency: model.inverseDocumentFrequency, documentCount: 60)
            .transform(SparseMatrix(columns: 80, rows: [[3: 2, 7: 1, 12: 1]]))
        let expected = SemanticSpace.foldIn(weights, basis: model.termBasis)
        #expect(Array(grown.caseVectors.row(60)) == expected.values)
        // Its practice too, linked to it.
        #expect(grown.practiceIds.last == "new-01-p1" && grown.practiceCaseRows.last == 60)
        #expect(Array(grown.practiceVectors.row(grown.practiceVectors.rows - 1)) == expected.values)
        // Searchable: its nearest neighbour by its own vector is itself.
        let index = NeighbourIndex(vectors: grown.caseVectors)
        #expect(index.query(Array(grown.caseVectors.row(60)), top: 1).first?.index == 60)
        // Saved with the mark.
        #expect(try ModelFile.decode(ModelFile.encode(grown), path: "m").foldedCaseCount == 1)
        #expect(grown.needsRebuild(foldedShare: 0.1) == false)
        let many = grown.foldingIn((2...9).map { FoldedCase(id: "new-0\($0)", terms: text) })
        #expect(many.needsRebuild(foldedShare: 0.1))  // 9 of 69
    }

    /// Cases removed with their practices; the folded ones still counted as the last rows.
    @Test func shrinkingWithoutARebuild() throws {
        let model = try Self.smallModel()
        let grown = model.foldingIn([FoldedCase(id: "new-01", terms: ["词3", "词7"], practices: [(id: "new-01-p1", terms: ["词3"])])])
        let removedId = grown.caseIds[5]
        let shrunk = grown.removing(caseIds: [removedId])
        #expect(shrunk.caseIds == grown.caseIds.filter { $0 != removedId })
        #expect(shrunk.foldedCaseCount == 1)
        #expect(Array(shrunk.caseVectors.row(5)) == Array(grown.caseVectors.row(6)))
        #expect(shrunk.practiceIds.count == grown.practiceIds.count - grown.practiceCaseRows.filter { $0 == 5 }.count)
        #expect(shrunk.practiceCaseRows.last == shrunk.caseIds.count - 1)
        let gone = shrunk.removing(caseIds: ["new-01"])
        #expect(gone.foldedCaseCount == 0 && gone.practiceIds.last != "new-01-p1")
    }
}
