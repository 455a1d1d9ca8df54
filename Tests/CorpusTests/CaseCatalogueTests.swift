import Corpus
import Foundation
import Testing

@Suite struct CaseCatalogueTests {
    let files = CorpusFilesTests()

    /// The mapped catalogue holds the cases `readDirectory` reads (files by name, blank lines
    /// skipped), each decoded when first asked for; a case is found by its id.
    @Test func mappedCasesAreTheCasesOfTheFiles() throws {
        let directory = try files.temporaryDirectory()
        let first = [files.sampleCase("a-01"), files.sampleCase("a-02")], second = [files.sampleCase("b-01")]
        try CorpusFiles.writeAtomically(CorpusFiles.encodeLines(second), to: directory.appendingPathComponent("b.jsonl"))
        var withBlank = try CorpusFiles.encodeLines(first)
        withBlank.append(contentsOf: Data(" \n\n".utf8))
        try withBlank.write(to: directory.appendingPathComponent("a.jsonl"))
        let records = try CorpusFiles.readDirectory(directory)
        #expect(records.map(\.id) == ["a-01", "a-02", "b-01"])

        let lines = CorpusFiles.caseLines(in: try CorpusFiles.mapped(CorpusFiles.files(in: directory)))
        #expect(lines.map(\.file) == [0, 0, 1])
        let catalogue = try CaseCatalogue(directory: directory, ids: records.map(\.id), facts: records.map(CaseFacts.init), lines: lines)
        #expect(catalogue.count == 3)
        #expect(catalogue.record(id: "b-01") == records[2])
        #expect(Array(catalogue) == records)
        #expect(catalogue.record(id: "c-01") == nil)
        #expect(catalogue.facts[0].region.county == "象山县" && catalogue.facts[0].year == 2022)
    }

    /// A stage whose lines lie outside the files is refused, naming the directory and the case
    /// (the caller then analyses the corpus again).
    @Test func aStageOfOtherFilesIsRefused() throws {
        let directory = try files.temporaryDirectory()
        try CorpusFiles.writeAtomically(CorpusFiles.encodeLines([files.sampleCase("a-01")]), to: directory.appendingPathComponent("a.jsonl"))
        let facts = [CaseFacts(files.sampleCase("a-01")), CaseFacts(files.sampleCase("a-02"))]
        let lines = CorpusFiles.caseLines(in: try CorpusFiles.mapped(CorpusFiles.files(in: directory)))
        #expect {
            try CaseCatalogue(directory: directory, ids: ["a-01", "a-02"], facts: facts, lines: lines + [CaseLine(file: 0, range: 0..<1_000_000)])
        } throws: { error in
            "\(error)".contains(directory.path) && "\(error)".contains("a-02")
        }
    }
}
