import Analyzer
import Corpus
import Engine
import Features
import Foundation
import LSA
import Settings

/// The analysed corpus (`CorpusStage`, `features.stage`) and the catalogue of its cases: read
/// when current, updated after an edit, analysed when neither.
extension Settings {
    /// Beside the model and under the same fingerprint.
    public var stageFile: URL { modelDirectory.appendingPathComponent("features.stage") }

    /// The stage read from `features.stage` when it was computed from the inputs of now, the
    /// cases mapped from their files and decoded only when an answer shows them
    /// (`CaseCatalogue`). After a corpus edit while serving (`previous`: the model served until
    /// now), the previous stage updated: only new cases analysed (`editedCorpus`). Else every
    /// case read, segmented and tagged, and the stage written for the next start.
    public func loadCorpus(fingerprint: UInt64, analyzer: TermAnalyzer, tagger: Tagger, editing previous: LSAModel? = nil,
                    analyseAgain: Bool = false) throws -> (stage: CorpusStage, cases: CaseCatalogue) {
        if !analyseAgain, FileManager.default.fileExists(atPath: stageFile.path) {
            do {
                // Mapped, not read: decoded in place, without a copy of the whole file (400 MB at
                // 50,000 cases).
                let data = try Data(contentsOf: stageFile, options: .alwaysMapped)
                // After an edit, the stage on disk is the served model's (unless this corpus's own
                // is there already: then it is read as at a start).
                if let previous, previous.fingerprint != fingerprint,
                   let old = try? CorpusStage.decode(data, path: stageFile.path, expectedFingerprint: previous.fingerprint),
                   let edited = try editedCorpus(old, previous: previous, fingerprint: fingerprint, analyzer: analyzer, tagger: tagger) {
                    return edited
                }
                let stage = try CorpusStage.decode(data, path: stageFile.path, expectedFingerprint: fingerprint)
                return (stage, try CaseCatalogue(directory: corpusDirectory, ids: stage.features.caseIds, facts: stage.facts, lines: stage.lines))
            } catch let error as SectionFileError {
                printNote("note: \(error); analysing the corpus again")
            } catch let error as CorpusError {
                printNote("note: \(error); analysing the corpus again")
            }
        }
        let records = try CorpusFiles.readDirectory(corpusDirectory)
        let features = FeatureSpace(cases: records, analyzer: analyzer, tagger: tagger)
        let files = try CorpusFiles.mapped(CorpusFiles.files(in: corpusDirectory)), lines = CorpusFiles.caseLines(in: files)
        let stage = CorpusStage(features: features, facts: records.map(CaseFacts.init), lines: lines, lineHashes: Self.hashes(of: lines, in: files))
        try CorpusFiles.writeAtomically(stage.encode(fingerprint: fingerprint), to: stageFile)
        return (stage, CaseCatalogue(records: records))
    }

    /// The stage after an edit: each case line of the corpus now whose bytes a case of the old
    /// stage had keeps that case's analysis; the others are decoded and analysed with the
    /// vocabulary and idf kept (`FeatureSpace.edited`). Written under the new fingerprint. Nil
    /// (analyse everything) when so many cases are new that the model will be refitted
    /// (`lsa.refit_share`, as `editedModel` decides), or when a new line is not a case.
    private func editedCorpus(_ old: CorpusStage, previous: LSAModel, fingerprint: UInt64, analyzer: TermAnalyzer,
                              tagger: Tagger) throws -> (stage: CorpusStage, cases: CaseCatalogue)? {
        let files = try CorpusFiles.mapped(CorpusFiles.files(in: corpusDirectory))
        let lines = CorpusFiles.caseLines(in: files), hashes = Self.hashes(of: lines, in: files)
        var oldRows: [UInt64: [Int]] = [:]
        for (row, hash) in old.lineHashes.enumerated().reversed() { oldRows[hash, default: []].append(row) }
        let decoder = JSONDecoder()
        var rows: [FeatureSpace.EditedRow] = [], added = 0
        for (line, hash) in zip(lines, hashes) {
            if let row = oldRows[hash]?.popLast() {
                rows.append(.kept(row))
                continue
            }
            guard let record = try? decoder.decode(CaseRecord.self, from: line.bytes(in: files)) else { return nil }
            rows.append(.added(record))
            added += 1
        }
        guard Double(previous.foldedCaseCount + added) <= lsa.refitShare * Double(lines.count) else { return nil }
        let features = old.features.edited(rows, analyzer: analyzer, tagger: tagger)
        guard Set(features.caseIds).count == features.caseIds.count else { return nil }
        let facts = rows.map { row in
            switch row {
            case .kept(let row): old.facts[row]
            case .added(let record): CaseFacts(record)
            }
        }
        let stage = CorpusStage(features: features, facts: facts, lines: lines, lineHashes: hashes)
        try CorpusFiles.writeAtomically(stage.encode(fingerprint: fingerprint), to: stageFile)
        return (stage, try CaseCatalogue(directory: corpusDirectory, ids: features.caseIds, facts: facts, lines: lines))
    }

    /// Each case line's hash (FNV-1a over its bytes): what tells an edited corpus's unchanged
    /// cases from its new ones.
    static func hashes(of lines: [CaseLine], in files: [Data]) -> [UInt64] {
        lines.map { line in
            var hash = FNV1a()
            hash.mix(line.bytes(in: files))
            return hash.value
        }
    }
}
