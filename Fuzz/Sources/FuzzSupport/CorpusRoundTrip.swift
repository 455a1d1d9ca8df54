import Corpus
import Foundation

/// Cases written as a corpus file and read back with the corpus's own reader (a file in the
/// temporary directory, one per fuzzing process, rewritten for each input).
public func readBack(_ cases: [CaseRecord]) -> [CaseRecord] {
    do {
        try CorpusFiles.encodeLines(cases).write(to: roundTripFile)
        return try CorpusFiles.readFile(roundTripFile)
    } catch {
        violated("cases that decode must encode and read back: \(error)")
    }
}

private let roundTripFile = FileManager.default.temporaryDirectory.appendingPathComponent("practiced-fuzz-\(getpid()).jsonl")
