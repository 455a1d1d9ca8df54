import Analyzer
import Corpus
import Engine
import Features
import Foundation
import LSA
import Settings

/// The model file of the configured corpus: loaded when it was built from the very inputs of
/// now, else (re)built and written atomically.
extension Settings {
    public var modelFile: URL { modelDirectory.appendingPathComponent("lsa.model") }

    /// Identifies everything a model depends on: the corpus files, the configuration files that
    /// shape the features and the reduction, and the lexicon's sources. Any change → another
    /// fingerprint → the model is rebuilt.
    public func modelInputsFingerprint() throws -> UInt64 {
        var hash = FNV1a()
        for file in try CorpusFiles.files(in: corpusDirectory) {
            hash.mix(file.lastPathComponent)
            hash.mix(try Data(contentsOf: file, options: .alwaysMapped))
        }
        for file in [stopWords, domainDictionary, taxonomyFile] {
            hash.mix((try? Data(contentsOf: file)) ?? Data())
        }
        hash.mix("\(lsa)")
        hash.mix(String(try lexiconSources(domain: true).fingerprint()))
        hash.mix("model format \(ModelFile.formatVersion)")
        return hash.value
    }

    /// Builds the model from the corpus and writes it (the analysed corpus too, unless given).
    @discardableResult
    /// `analyseAgain`: the corpus analysed anew even when its stage is current (`practiced
    /// build`: the vocabulary and idf refitted after edits that kept them).
    public func buildModel(fingerprint given: UInt64? = nil, features givenFeatures: FeatureSpace? = nil, analyseAgain: Bool = false) throws -> (model: LSAModel, features: FeatureSpace) {
        let fingerprint = try given ?? modelInputsFingerprint()
        let features = try givenFeatures
            ?? loadCorpus(fingerprint: fingerprint, analyzer: try loadTermAnalyzer(), tagger: try loadTagger(), analyseAgain: analyseAgain).stage.features
        let options = try svdOptions(rows: features.caseWeights.rows, columns: features.caseWeights.columns)
        let space = try SemanticSpace(features: features, options: options)
        let model = LSAModel(fingerprint: fingerprint, features: features, space: space)
        try CorpusFiles.writeAtomically(ModelFile.encode(model), to: modelFile)
        return (model, features)
    }

    /// The model on disk if it matches the inputs; otherwise a fresh build (saying why on
    /// standard error).
    public func loadModel(fingerprint given: UInt64? = nil, features: FeatureSpace? = nil) throws -> LSAModel {
        let fingerprint = try given ?? modelInputsFingerprint()
        if FileManager.default.fileExists(atPath: modelFile.path) {
            do {
                return try ModelFile.decode(Data(contentsOf: modelFile, options: .alwaysMapped), path: modelFile.path, expectedFingerprint: fingerprint)
            } catch let error as ModelFileError {
                printNote("note: \(error); building a new model")
            }
        }
        return try buildModel(fingerprint: fingerprint, features: features).model
    }

    /// After a corpus edit while serving: the serving model made to fit the corpus now, without
    /// an SVD: cases gone are dropped and new ones folded in (`LSAModel.foldingIn`), and the
    /// result is written under the edited inputs' fingerprint. A full build instead when folded
    /// cases would be more than `lsa.refit_share` of the corpus.
    public func editedModel(from previous: LSAModel, cases: CaseCatalogue, analyzer: TermAnalyzer, fingerprint: UInt64,
                     features: FeatureSpace) throws -> LSAModel {
        let known = Set(previous.caseIds), present = Set(cases.ids)
        let added = cases.indices.filter { !known.contains(cases.ids[$0]) }.map { cases[$0] }
        let kept = previous.removing(caseIds: known.subtracting(present))
        guard Double(kept.foldedCaseCount + added.count) <= lsa.refitShare * Double(cases.count) else {
            return try buildModel(fingerprint: fingerprint, features: features).model
        }
        let workspace = SegmentationWorkspace()
        let folded = kept.foldingIn(added.map { record in
            FoldedCase(
                id: record.id, terms: analyzer.terms(record.text, workspace: workspace),
                practices: record.practices.map { (id: $0.id, terms: analyzer.terms($0.text, workspace: workspace)) })
        }).fingerprinted(fingerprint)
        try CorpusFiles.writeAtomically(ModelFile.encode(folded), to: modelFile)
        return folded
    }
}
