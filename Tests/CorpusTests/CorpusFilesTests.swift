import Corpus
import Foundation
import Testing

@Suite struct CorpusFilesTests {
    func sampleCase(_ id: String) -> CaseRecord {
        CaseRecord(
            id: id, source: SourceInfo(id: "x", file: "x.txt", title: nil, issuer: nil, docNumber: nil, year: 2022),
            ordinal: 1, title: nil,
            region: RegionInfo(name: "象山县", province: "浙江省", prefecture: "宁波市", county: "象山县", subUnit: nil, level: "county"),
            category: nil, background: nil,
            practices: [Practice(id: "\(id)-p1", heading: "打造海岛山区医疗联盟", text: "打造海岛山区医疗联盟。")],
            outcomes: nil, lessons: nil, figures: ["致残率下降约10个百分点"], text: "全文")
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func roundTripKeepsEveryFieldAndWritesNulls() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("x.jsonl")
        try CorpusFiles.writeAtomically(try CorpusFiles.encodeLines([sampleCase("x-01"), sampleCase("x-02")]), to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"title\":null"))
        #expect(text.contains("\"doc_number\":null"))
        #expect(text.contains("\"sub_unit\":null"))
        #expect(text.split(separator: "\n").count == 2)
        #expect(try CorpusFiles.readFile(file) == [sampleCase("x-01"), sampleCase("x-02")])
    }

    @Test func encodingIsDeterministic() throws {
        let cases = (1...5).map { sampleCase("x-0\($0)") }
        #expect(try CorpusFiles.encodeLines(cases) == CorpusFiles.encodeLines(cases))
    }

    @Test func badLineIsNamed() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("bad.jsonl")
        var data = try CorpusFiles.encodeLines([sampleCase("x-01")])
        data.append(Data("{\"id\": 3}\n".utf8))
        try data.write(to: file)
        #expect(throws: CorpusError.self) { try CorpusFiles.readFile(file) }
        do {
            _ = try CorpusFiles.readFile(file)
        } catch {
            #expect("\(error)".contains("bad.jsonl:2"))
        }
    }

    /// A large file is decoded in chunks on every core: its cases stay in order, and of two
    /// bad lines in different chunks the first is the one named.
    @Test func aLargeFileKeepsItsOrderAndNamesItsFirstBadLine() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("large.jsonl")
        let cases = (1...1_500).map { sampleCase("x-\($0)") }
        try CorpusFiles.encodeLines(cases).write(to: file)
        #expect(try CorpusFiles.readFile(file).map(\.id) == cases.map(\.id))
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1_199] = "{\"id\": 3}"
        lines[700] = "not json"
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        #expect { try CorpusFiles.readFile(file) } throws: { "\($0)".contains("large.jsonl:701") }
    }

    @Test func duplicateIdsAcrossFilesAreRefused() throws {
        let directory = try temporaryDirectory()
        try CorpusFiles.writeAtomically(try CorpusFiles.encodeLines([sampleCase("x-01")]), to: directory.appendingPathComponent("a.jsonl"))
        try CorpusFiles.writeAtomically(try CorpusFiles.encodeLines([sampleCase("x-01")]), to: directory.appendingPathComponent("b.jsonl"))
        #expect(throws: CorpusError.self) { try CorpusFiles.readDirectory(directory) }
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("a.jsonl")
        try CorpusFiles.writeAtomically(Data("old\n".utf8), to: file)
        try CorpusFiles.writeAtomically(Data("new\n".utf8), to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.jsonl"])
    }
}
