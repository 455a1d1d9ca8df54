import Corpus
import Features
import Foundation
import LSA
import Settings

/// The model file of the configured corpus: loaded when it was built from the very inputs of
/// now, else (re)built and written atomically.
extension Settings {
    var modelFile: URL { modelDirectory.appendingPathComponent("lsa.model") }

    /// Identifies everything a model depends on: the corpus files, the configuration files that
    /// shape the features and the reduction, and the lexicon's sources. Any change → another
    /// fingerprint → the model is rebuilt.
    func modelInputsFingerprint() throws -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ data: Data) {
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
        }
        for file in try CorpusFiles.files(in: corpusDirectory) {
            mix(Data(file.lastPathComponent.utf8))
            mix(try Data(contentsOf: file))
        }
        for file in [stopWords, domainDictionary, taxonomyFile] {
            mix((try? Data(contentsOf: file)) ?? Data())
        }
        mix(Data("\(lsa)".utf8))
        mix(Data(String(try lexiconSources(domain: true).fingerprint()).utf8))
        mix(Data("model format \(ModelFile.formatVersion)".utf8))
        return hash
    }

    /// Builds the model from the corpus and writes it.
    @discardableResult
    func buildModel() throws -> (model: LSAModel, features: FeatureSpace) {
        let fingerprint = try modelInputsFingerprint()
        let features = try loadFeatureSpace()
        let options = try svdOptions(rows: features.caseWeights.rows, columns: features.caseWeights.columns)
        let space = try SemanticSpace(features: features, options: options)
        let model = LSAModel(fingerprint: fingerprint, features: features, space: space)
        try CorpusFiles.writeAtomically(ModelFile.encode(model), to: modelFile)
        return (model, features)
    }

    /// The model on disk if it matches the inputs; otherwise a fresh build (saying why on
    /// standard error).
    func loadModel() throws -> LSAModel {
        let fingerprint = try modelInputsFingerprint()
        if FileManager.default.fileExists(atPath: modelFile.path) {
            do {
                return try ModelFile.decode(Data(contentsOf: modelFile), path: modelFile.path, expectedFingerprint: fingerprint)
            } catch let error as ModelFileError {
                printError("note: \(error); building a new model")
            }
        }
        return try buildModel().model
    }
}
