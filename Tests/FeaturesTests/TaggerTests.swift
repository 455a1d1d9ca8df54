import Features
import Foundation
import Testing

@Suite struct TaggerTests {
    struct Label: Decodable {
        let practice_id: String
        let tags: [String]
    }

    /// Precision of the tagger on 60 practices labelled by hand (Fixtures/tag-labels.md says how).
    @Test func precisionOnTheHandLabelledSample() throws {
        let labels = try JSONDecoder().decode([Label].self, from: Data(contentsOf: projectRoot.appendingPathComponent("Tests/FeaturesTests/Fixtures/tag-labels.json")))
        #expect(labels.count == 60)
        let practices = Dictionary(uniqueKeysWithValues: corpus.flatMap(\.practices).map { ($0.id, $0) })
        var predicted = 0
        var correct = 0
        var wrong: [String: Int] = [:]
        for label in labels {
            let practice = try #require(practices[label.practice_id])
            let keys = tagger.tags(in: analyzer.normalizer.normalize(practice.text)).map(\.key)
            predicted += keys.count
            correct += keys.filter(label.tags.contains).count
            for key in keys where !label.tags.contains(key) { wrong[key, default: 0] += 1 }
        }
        let precision = Double(correct) / Double(predicted)
        print("tag precision: \(correct)/\(predicted) = \(precision); wrong by tag: \(wrong.sorted { $0.value > $1.value })")
        #expect(predicted >= 100)
        #expect(precision >= 0.9)
    }

    @Test func hitsSayWhatTriggeredThem() {
        let hits = tagger.tags(in: "社区戒烟门诊医生、家庭医生团队协同提供戒烟服务。戒烟门诊覆盖全区")
        let tobacco = hits.first { $0.key == "tobacco_control" }
        #expect(tobacco?.matched == "戒烟")
        #expect(tobacco?.offset == 2)
        #expect(tobacco?.count == 3)
        // One passing mention after the lead is not a topic.
        #expect(tagger.tags(in: "开展环境整治。组织志愿者参与。").contains { $0.key == "volunteers" } == false)
        #expect(tagger.tags(in: "组织志愿者参与环境整治。").contains { $0.key == "volunteers" })
        #expect(hits.contains { $0.key == "family_doctor" && $0.matched == "家庭医生" })
        #expect(tagger.tags(in: "今天天气很好").isEmpty)
        // The tag vector: one entry per tag of the taxonomy, 1 where the tag is found.
        let vector = tagger.vector(of: hits)
        #expect(vector.count == tagger.taxonomy.tags.count)
        #expect(vector.reduce(0, +) == Double(hits.count))
        #expect(vector[tagger.taxonomy.keys.firstIndex(of: "tobacco_control")!] == 1)
    }

    @Test func taxonomyCoversTheIssuesList() {
        let keys = Set(tagger.taxonomy.keys)
        #expect(tagger.taxonomy.tags.filter { $0.group == "action" }.count == 15)
        for key in ["primary_care", "tcm", "digital", "medical_elderly_care", "sports_medicine", "patriotic_health",
                    "cell_village", "cell_community", "cell_family", "cell_school", "cell_enterprise", "cell_agency", "cell_hospital",
                    "health_industry", "elderly", "youth", "women", "workers", "chronic_patients", "vulnerable", "ethnic_minorities",
                    "legislation", "assessment", "party_grid", "volunteers", "media", "expert_pool", "family_doctor", "village_doctor"] {
            #expect(keys.contains(key), "missing tag \(key)")
        }
    }
}
