import Corpus
import Foundation
import Testing

/// `practiced synth --corpus N`: realistic cases for scale benchmarks, recombined from the
/// shipped ones and placed in real county-level divisions.
@Suite struct SynthCommandTests {
    @Test func realisticCasesInRealCountiesWithUniqueIdsSameSeedSameBytes() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        for directory in [first, second] {
            let result = try practiced(["synth", "--corpus", "300", "--out", directory.path, "--source-id", "scale"])
            #expect(result.status == 0, "\(result.errors)")
        }
        let file = first.appendingPathComponent("scale.jsonl")
        #expect(try Data(contentsOf: file) == Data(contentsOf: second.appendingPathComponent("scale.jsonl")))

        // A corpus directory the product reads as it reads its own.
        let cases = try CorpusFiles.readDirectory(first)
        #expect(cases.count == 300)
        #expect(Set(cases.map(\.id)).count == 300 && cases.allSatisfy { $0.id.hasPrefix("scale-") })
        let practiceIds = cases.flatMap { $0.practices.map(\.id) }
        #expect(Set(practiceIds).count == practiceIds.count)
        #expect(cases.allSatisfy { record in (1...5).contains(record.practices.count) && record.practices.allSatisfy { $0.id.hasPrefix(record.id + "-p") } })

        // Every case in a county-level division of the table, the places spread over the country.
        let table = try String(contentsOf: projectRoot.appendingPathComponent("config/divisions/areas.csv"), encoding: .utf8)
        let counties = Set(table.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst().first }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        #expect(cases.allSatisfy { counties.contains($0.region.county ?? "") && $0.region.province != nil })
        #expect(Set(cases.compactMap(\.region.province)).count >= 20)

        // The texts are the shipped ones recombined: each case's text holds its practices' texts.
        #expect(cases.allSatisfy { record in record.practices.allSatisfy { record.text.contains($0.text) } })
        let distinctTexts = Set(cases.map(\.text))
        #expect(distinctTexts.count > 250, "cases should differ, not repeat the corpus")
    }

    @Test func oneKindOfOutputAtATime() throws {
        let directory = try temporaryDirectory()
        let both = try practiced(["synth", "--corpus", "3", "--cases", "3", "--out", directory.path])
        #expect(both.status != 0 && both.errors.contains("--corpus"))
        let badId = try practiced(["synth", "--corpus", "3", "--source-id", "../x", "--out", directory.path])
        #expect(badId.status != 0 && badId.errors.contains("source id"))
    }
}
