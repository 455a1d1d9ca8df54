import Foundation
import Testing

/// Similar cases weigh what was done: cases written for these tests, added to the shipped
/// corpus in a collection of their own, and `practiced similar` run on the whole.
@Suite struct SimilarSubstanceTests {
    struct Written {
        let id: String
        let title: String
        let province: String
        let prefecture: String?
        let county: String?
        let practices: [(heading: String, text: String)]

        var json: String {
            let source = String(id.prefix(while: { $0 != "-" }))
            let place = county ?? prefecture ?? province
            let practiceObjects = practices.enumerated().map { index, practice in
                ["id": "\(id)-p\(index + 1)", "heading": practice.heading, "text": practice.text]
            }
            let text = ([title] + practices.map(\.text)).joined(separator: "\n")
            let object: [String: Any] = [
                "id": id, "ordinal": Int(id.split(separator: "-").last ?? "1") ?? 1, "title": title, "category": NSNull(),
                "background": NSNull(), "outcomes": NSNull(), "lessons": NSNull(), "figures": [String](), "text": text,
                "practices": practiceObjects,
                "region": ["name": place, "province": province, "prefecture": prefecture as Any, "county": county as Any,
                           "sub_unit": NSNull(), "level": county == nil ? "prefecture" : "county"],
                "source": ["id": source, "file": "\(source).txt", "title": "\(province)健康促进典型案例汇编", "issuer": "\(province)卫生健康委员会",
                           "doc_number": NSNull(), "year": 2024],
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The shipped corpus and `cases` (one file per source), in a fresh folder; the environment
    /// that points `practiced` at it.
    static func corpus(with cases: [Written]) throws -> [String: String] {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        for (source, group) in Dictionary(grouping: cases, by: { String($0.id.prefix(while: { $0 != "-" })) }) {
            try (group.map(\.json).joined(separator: "\n") + "\n").write(to: corpus.appendingPathComponent("\(source).jsonl"), atomically: true, encoding: .utf8)
        }
        return ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("model").path]
    }

    static func similar(_ id: String, top: Int = 10, environment: [String: String]) throws -> [[String: Any]] {
        let result = try practiced(["similar", id, "--top", String(top), "--format", "json"], environment: environment)
        #expect(result.status == 0, "\(result.errors)")
        let answer = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return answer?["similar"] as? [[String: Any]] ?? []
    }

    /// A county's short table row of three unrelated items finds the case that is about one of
    /// them, and names the matching item: the best-matching practice counts, not the average.
    @Test func aCaseOfSeveralUnrelatedItemsFindsACaseMatchingOneOfThem() throws {
        let row = Written(id: "k9-01", title: "泾源县", province: "宁夏回族自治区", prefecture: "固原市", county: "泾源县", practices: [
            ("开展儿童青少年近视防控", "在全县中小学开展儿童青少年近视筛查，建立学生视力健康档案，落实每天两小时户外活动。"),
            ("实施老年人跌倒预防干预", "为高龄独居老人开展跌倒风险评估，实施居家适老化改造，安装扶手和防滑地垫，组织老年人平衡能力训练。"),
            ("推进食堂减盐", "在机关和学校食堂推行减盐菜单，发放限盐勺，开展减盐知识进厨房活动。"),
        ])
        let falls = Written(id: "k9-02", title: "织密老年人跌倒防护网", province: "江苏省", prefecture: "苏州市", county: nil, practices: [
            ("建立跌倒风险评估制度", "家庭医生为辖区65岁以上老年人开展跌倒风险评估，对高风险老人建立跌倒预防档案，定期随访。"),
            ("推进居家适老化改造", "为高龄、独居、失能老人实施居家适老化改造，在卫生间和楼梯安装扶手，铺设防滑地垫，配备夜间感应灯。"),
            ("开展平衡能力训练", "社区卫生服务中心组织老年人平衡能力训练和太极拳锻炼，讲解跌倒后的自救方法，老年人跌倒发生率明显下降。"),
        ])
        let environment = try Self.corpus(with: [row, falls])
        let found = try Self.similar("k9-01", top: 5, environment: environment)
        let ids = found.compactMap { $0["case_id"] as? String }
        #expect(ids.prefix(3).contains("k9-02"), "the falls case is not among the first three: \(ids)")
        let match = found.first { $0["case_id"] as? String == "k9-02" }
        let pairs = (match?["why"] as? [String: Any])?["practices"] as? [[String: Any]] ?? []
        #expect(pairs.first?["query"] as? String == "k9-01-p2", "the matching item is the falls practice: \(pairs)")
    }

    /// Two cases of one document and one city on different programmes share the city's name,
    /// the document's brand (健康鹤壁) and its phrasing; a case of the same programme elsewhere
    /// shares the work. The work comes first; the place alone does not make a case similar.
    @Test func theDocumentsOwnNameOrPlaceDoesNotMakeTwoCasesSimilar() throws {
        let tobacco = Written(id: "k8-01", title: "健康鹤壁控烟行动", province: "河南省", prefecture: "鹤壁市", county: nil, practices: [
            ("鹤壁市推进无烟环境建设", "鹤壁市按照健康鹤壁建设要求，在全市机关、医院和学校建设无烟单位，设置禁烟标识，开展控烟巡查。"),
            ("鹤壁市开展戒烟服务", "鹤壁市各医院开设戒烟门诊，为吸烟者提供戒烟咨询和药物干预，健康鹤壁行动办公室组织督导。"),
        ])
        let mothers = Written(id: "k8-02", title: "健康鹤壁母婴安全行动", province: "河南省", prefecture: "鹤壁市", county: nil, practices: [
            ("鹤壁市加强孕产妇保健", "鹤壁市以健康鹤壁为目标，为孕产妇建立保健手册，开展产前筛查和高危孕产妇专案管理。"),
            ("鹤壁市推进新生儿访视", "鹤壁市社区医生上门开展新生儿访视，指导母乳喂养，母婴安全五项制度落实到位。"),
        ])
        let elsewhere = Written(id: "k7-01", title: "以无烟单位建设推动控烟", province: "四川省", prefecture: "绵阳市", county: nil, practices: [
            ("建设无烟单位", "在机关、医院和学校全面建设无烟单位，张贴禁烟标识，志愿者开展控烟巡查和劝阻。"),
            ("提供戒烟门诊服务", "二级以上医院开设戒烟门诊，为吸烟者提供戒烟咨询和干预。"),
        ])
        let environment = try Self.corpus(with: [tobacco, mothers, elsewhere])
        let found = try Self.similar("k8-01", top: 70, environment: environment)
        let ids = found.compactMap { $0["case_id"] as? String }
        let sameWork = try #require(ids.firstIndex(of: "k7-01")), samePlace = try #require(ids.firstIndex(of: "k8-02"))
        #expect(sameWork == 0, "the tobacco case elsewhere comes first: \(ids.prefix(5))")
        #expect(samePlace >= 5, "the same city's maternal case is not among the first five: \(ids.prefix(5))")
        // The control: with the places' words weighing as any word (similar.space.place_weight
        // 1), the same city's case comes nearer — the place is what moved it.
        let counted = try Self.similar("k8-01", top: 70, environment: environment.merging(["SIMILAR_SPACE_PLACE_WEIGHT": "1"]) { $1 })
        let countedPlace = try #require(counted.compactMap { $0["case_id"] as? String }.firstIndex(of: "k8-02"))
        #expect(countedPlace < samePlace, "with places counted \(countedPlace), without \(samePlace)")
        // Neither the city nor the brand is shown as what the two share.
        let shared = found.first { $0["case_id"] as? String == "k8-02" }.flatMap { ($0["why"] as? [String: Any])?["terms"] as? [String] } ?? []
        #expect(!shared.contains { $0.contains("鹤壁") }, "\(shared)")
    }

    /// A case's own text pasted (`similar --text`) is read and analysed as the corpus case is:
    /// the case itself comes first, then the very cases `similar ID` gives, in its order, with
    /// its scores, and the same practices matched (text-p2 for the case's p2).
    @Test func aPastedCaseRanksAsItsIdDoes() throws {
        let texts = try SimilarCommandTests.caseTexts()
        for id in ["001-18", "000-03", "002-07"] {
            let text = try #require(texts[id])
            let result = try practiced(["similar", "--text", text, "--top", "8", "--format", "json"])
            #expect(result.status == 0, "\(result.errors)")
            let answer = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let byText = answer?["similar"] as? [[String: Any]] ?? []
            let byId = try Self.similar(id, top: 7, environment: [:])
            #expect(byText.first?["case_id"] as? String == id)
            #expect(byText.dropFirst().compactMap { $0["case_id"] as? String } == byId.compactMap { $0["case_id"] as? String }, "\(id)")
            for (pasted, corpus) in zip(byText.dropFirst(), byId) {
                let scores = (pasted["score"] as? Double ?? .nan, corpus["score"] as? Double ?? .nan)
                #expect(abs(scores.0 - scores.1) < 1e-9, "\(id): \(scores)")
                func pairs(_ item: [String: Any]) -> [String] {
                    ((item["why"] as? [String: Any])?["practices"] as? [[String: Any]] ?? []).map {
                        ($0["query"] as? String ?? "").replacingOccurrences(of: "text-", with: "\(id)-") + "↔" + ($0["match"] as? String ?? "")
                    }
                }
                #expect(pairs(pasted) == pairs(corpus), "\(id)")
            }
            let read = (answer?["query"] as? [String: Any])?["practices"] as? [[String: Any]] ?? []
            #expect(read.count == (try SimilarCommandTests.practiceIds())[id]?.count, "\(id): the importer read \(read.count) practices")
        }
    }

    /// The similarity space's settings are checked: a power or a place weight out of range is
    /// refused naming its key, before any answer.
    @Test func anOutOfRangeSpaceSettingIsRefusedNamingItsKey() throws {
        let power = try practiced(["similar", "001-18"], environment: ["SIMILAR_SPACE_TERM_FREQUENCY_POWER": "1.5"])
        #expect(power.status != 0 && power.errors.contains("similar.space.term_frequency_power") && power.output.isEmpty, "\(power.errors)")
        let place = try practiced(["similar", "001-18"], environment: ["SIMILAR_SPACE_PLACE_WEIGHT": "-1"])
        #expect(place.status != 0 && place.errors.contains("similar.space.place_weight") && place.output.isEmpty, "\(place.errors)")
    }
}
