import Corpus
import Foundation
import Testing

/// `recommend` and `similar` through the command line, checked against the shipped corpus.
@Suite struct EngineCommandTests {
    static let corpus: [String: CaseRecord] = {
        let cases = try! CorpusFiles.readDirectory(projectRoot.appendingPathComponent("Models/corpus"))
        return Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) })
    }()

    func json(_ result: RunResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.errors)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// Every line of a JSON Lines answer (one envelope per profile).
    func jsonLines(_ result: RunResult) throws -> [[String: Any]] {
        #expect(result.status == 0, "\(result.errors)")
        return try result.output.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    func practices(_ envelope: [String: Any]) -> [[String: Any]] { envelope["practices"] as? [[String: Any]] ?? [] }

    /// Why names terms of the profile found in the case; evidence is the source's own sentences
    /// with numbers; provenance names the document.
    @Test func explanationsEvidenceAndProvenanceComeFromTheSource() throws {
        let text = "山区贫困县，健康素养低，看病难，希望开展健康教育和家庭医生签约服务"
        let items = practices(try json(practiced(["recommend", "--text", text, "--format", "json"])))
        #expect(items.count == 10)
        var evidenceSeen = 0, termsSeen = 0
        for item in items {
            let record = try #require(Self.corpus[item["case_id"] as? String ?? ""])
            let why = item["why"] as? [String: Any] ?? [:]
            for term in why["terms"] as? [String] ?? [] {
                termsSeen += 1
                #expect(text.contains(term) && record.text.contains(term), "\(term) in \(record.id)")
            }
            for sentence in item["evidence"] as? [String] ?? [] {
                evidenceSeen += 1
                #expect(record.text.contains(sentence), "evidence of \(record.id) is not the source's: \(sentence)")
                #expect(sentence.contains { $0.isNumber }, "evidence without a number: \(sentence)")
                #expect(record.figures.contains { sentence.contains($0) })
            }
            let provenance = item["provenance"] as? [String: Any] ?? [:]
            #expect(provenance["document"] as? String == record.source.title)
            #expect(provenance["year"] as? Int == record.source.year)
        }
        #expect(termsSeen >= 5 && evidenceSeen >= 3)
    }

    @Test func profilesAsJSONLinesCSVAndADocument() throws {
        let directory = try temporaryDirectory()
        let lines = directory.appendingPathComponent("profiles.jsonl")
        try Data(#"""
            {"id":"P1","terrain":["mountain"],"economy":"former_poverty","text":"山区贫困县"}
            {"id":"P2","level":"district","urbanization":"urban","text":"城市社区老年人多"}
            """#.utf8).write(to: lines)
        let fromLines = try jsonLines(practiced(["recommend", "--profile", lines.path, "--top", "3", "--format", "json"]))
        #expect(fromLines.map { ($0["profile"] as? [String: Any])?["id"] as? String } == ["P1", "P2"])
        #expect(fromLines.allSatisfy { practices($0).count == 3 })

        let csv = directory.appendingPathComponent("profiles.csv")
        try Data("id,terrain,economy,text\nC1,mountain;hill,former_poverty,革命老区中医药\nC2,,,\"健康科普，\n控烟\"\n".utf8).write(to: csv)
        let fromCSV = try jsonLines(practiced(["recommend", "--profile", csv.path, "--top", "2", "--format", "json"]))
        #expect(fromCSV.count == 2)
        let firstAttributes = (fromCSV[0]["profile"] as? [String: Any])?["attributes"] as? [String: Any]
        #expect((firstAttributes?["terrain"] as? [String: Any])?["value"] as? [String] == ["mountain", "hill"])

        let badCSV = directory.appendingPathComponent("bad.csv")
        try Data("id,level,text\nC1,county,山区\nC2,metropolis,平原\n".utf8).write(to: badCSV)
        let bad = try practiced(["recommend", "--profile", badCSV.path])
        #expect(bad.status != 0 && bad.errors.contains("bad.csv:3") && bad.errors.contains("level"))

        // A county's own plan: the place it names (偏关县, 山西省) becomes the profile's region.
        let plan = projectRoot.appendingPathComponent("Tests/AnalyzerTests/Fixtures/004_5a58676f7c40b71f.txt")
        let fromPlan = try json(practiced(["recommend", "--document", plan.path, "--format", "json"]))
        let attributes = (fromPlan["profile"] as? [String: Any])?["attributes"] as? [String: Any]
        #expect((attributes?["province"] as? [String: Any])?["value"] as? String == "山西省")
        #expect(practices(fromPlan).count == 10)
    }

    @Test func filtersKeepOnlyMatchingSources() throws {
        let text = "健康科普，健康素养，慢病管理"
        let henan = practices(try json(practiced(["recommend", "--text", text, "--province", "河南", "--format", "json"])))
        #expect(!henan.isEmpty && henan.allSatisfy { ($0["region"] as? [String: Any])?["province"] as? String == "河南省" })
        let counties = practices(try json(practiced(["recommend", "--text", text, "--level", "county", "--year", "2022", "--format", "json"])))
        #expect(!counties.isEmpty)
        for item in counties {
            #expect((item["region"] as? [String: Any])?["level"] as? String == "county")
            #expect((item["provenance"] as? [String: Any])?["year"] as? Int == 2022)
        }
        // A category keeps cases of that action: labelled ones carry the label.
        let literacy = practices(try json(practiced(["recommend", "--text", text, "--category", "健康知识普及", "--top", "20", "--format", "json"])))
        #expect(!literacy.isEmpty)
        for item in literacy {
            let record = try #require(Self.corpus[item["case_id"] as? String ?? ""])
            #expect(record.category == nil || record.category == "健康知识普及行动", "\(record.id): \(record.category ?? "")")
        }
        let unknown = try practiced(["recommend", "--text", text, "--category", "tourism"])
        #expect(unknown.status != 0 && unknown.errors.contains("filter.category"))
        let badLevel = try practiced(["recommend", "--text", text, "--level", "village"])
        #expect(badLevel.status != 0 && badLevel.errors.contains("filter.level"))
    }

    @Test func aContradictoryProfileIsRefusedNamingTheField() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("contradiction.json")
        try Data(#"{"urbanization": "urban", "text": "偏远农村，村民看病难"}"#.utf8).write(to: file)
        let result = try practiced(["recommend", "--profile", file.path])
        #expect(result.status != 0)
        #expect(result.errors.contains("urbanization") && result.errors.contains("农村"))
    }

    @Test func similarCasesByIdAndByTextShareRealTermsAndTags() throws {
        let byId = try json(practiced(["similar", "003-01", "--top", "5", "--format", "json"]))
        let similar = byId["similar"] as? [[String: Any]] ?? []
        #expect(similar.count == 5)
        let query = try #require(Self.corpus["003-01"])
        for item in similar {
            let record = try #require(Self.corpus[item["case_id"] as? String ?? ""])
            #expect(record.id != query.id)
            #expect((0...1).contains(item["score"] as? Double ?? -1))
            for term in (item["why"] as? [String: Any])?["terms"] as? [String] ?? [] {
                #expect(query.text.contains(term) && record.text.contains(term))
            }
        }
        let scores = similar.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let byText = try json(practiced(["similar", "--text", "建立健康科普专家库，通过电视和新媒体开展健康科普", "--province", "河南省", "--format", "json"]))
        let queryTags = ((byText["query"] as? [String: Any])?["tags"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(queryTags.contains("health_literacy"))
        let found = byText["similar"] as? [[String: Any]] ?? []
        #expect(!found.isEmpty)
        for item in found {
            #expect((item["region"] as? [String: Any])?["province"] as? String == "河南省")
            let shared: [String] = (item["why"] as? [String: Any])?["tags"] as? [String] ?? []
            #expect(Set(shared).isSubset(of: Set(queryTags)))
        }
        let unknown = try practiced(["similar", "999-99"])
        #expect(unknown.status != 0 && unknown.errors.contains("999-99"))
    }
}
