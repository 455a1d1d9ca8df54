import Foundation
import Corpus
import Testing

@Suite struct AnalysisCommandTests {
    /// TF-IDF equals scikit-learn's TfidfTransformer(sublinear_tf=True, smooth_idf=True,
    /// norm="l2") on the exported counts.
    @Test func tfidfEqualsScikitLearn() throws {
        let out = try temporaryDirectory()
        let export = try practiced(["export", "--out", out.path])
        #expect(export.status == 0, "\(export.errors)")
        for file in ["counts.mtx", "tfidf.mtx", "terms.txt", "cases.txt", "sigma.txt", "case_vectors.mtx"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "missing \(file)")
        }
        let cases = try String(contentsOf: out.appendingPathComponent("cases.txt"), encoding: .utf8).split(separator: "\n")
        #expect(cases.count == 65 && cases.first == "000-01")

        let result = try crossCheck("tfidf_check.py", out)
        print("tf-idf vs scikit-learn: \(result)")
        #expect(result["rows"] as? Int == 65)
        #expect(result["nonzeros"] as? Int == result["reference_nonzeros"] as? Int)
        let difference = try #require(result["max_abs_difference"] as? Double)
        #expect(difference <= 1e-12)
    }

    /// Similar cases' text cosine (words and pieces of long words, count^0.75 × idf) equals
    /// scikit-learn's TfidfTransformer over the same expanded, powered counts, built in Python
    /// from the exported counts (the places weighing as any word: the check knows no gazetteer).
    @Test func similarTextCosineEqualsScikitLearn() throws {
        let out = try temporaryDirectory()
        #expect(try practiced(["export", "--out", out.path]).status == 0)
        var answers: [String: [String: Double]] = [:]
        for query in ["001-18", "000-03", "003-07"] {
            let result = try practiced(["similar", query, "--top", "64", "--format", "json"], environment: ["SIMILAR_SPACE_PLACE_WEIGHT": "1"])
            #expect(result.status == 0, "\(result.errors)")
            let answer = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            for item in answer?["similar"] as? [[String: Any]] ?? [] {
                answers[query, default: [:]][item["case_id"] as? String ?? ""] = (item["components"] as? [String: Any])?["text"] as? Double
            }
        }
        try JSONSerialization.data(withJSONObject: answers).write(to: out.appendingPathComponent("answers.json"))
        let result = try crossCheck("similar_check.py", out)
        print("similar text cosine vs scikit-learn: \(result)")
        #expect(result["compared"] as? Int == 3 * 64)
        let difference = try #require(result["max_abs_difference"] as? Double)
        // The space keeps its vectors in single precision.
        #expect(difference <= 1e-6)
    }

    /// Singular values equal numpy's exact SVD of the exported TF-IDF matrix, and the case ×
    /// case cosines in the reduced space equal numpy's.
    @Test func svdEqualsNumpy() throws {
        let out = try temporaryDirectory()
        #expect(try practiced(["export", "--out", out.path]).status == 0)
        let result = try crossCheck("svd_check.py", out)
        print("svd vs numpy: \(result)")
        let k = try #require(result["k"] as? Int)
        #expect(k == 40)
        let sigma = try #require(result["max_relative_sigma_difference"] as? Double)
        #expect(sigma <= 1e-9)
        let cosine = try #require(result["max_cosine_difference"] as? Double)
        #expect(cosine <= 1e-9)
    }

    /// Runs Tests/CrossChecks/SCRIPT DIRECTORY in .venv-test (which `make test` creates) and
    /// reads its JSON line.
    func crossCheck(_ script: String, _ directory: URL) throws -> [String: Any] {
        let python = projectRoot.appendingPathComponent(".venv-test/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no \(python.path): run the tests with `make test`, which creates it")
        let check = Process()
        check.executableURL = python
        check.arguments = [projectRoot.appendingPathComponent("Tests/CrossChecks/\(script)").path, directory.path]
        let pipe = Pipe()
        check.standardOutput = pipe
        try check.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func tokenizePrintsOneLinePerInputLine() throws {
        let text = try practicedWithInput(["tokenize", "--no-domain"], input: "我来到北京清华大学\n\n提升居民健康素养，覆盖率达到 97.5 %\n")
        #expect(text == "我 来到 北京 清华大学\n\n提升 居民 健康 素养 ， 覆盖率 达到 97.5%\n")
        // With the domain dictionary, its words hold together.
        let domain = try practicedWithInput(["tokenize"], input: "提升居民健康素养\n")
        #expect(domain == "提升 居民 健康素养\n")
    }

    func practicedWithInput(_ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = practicedBinary
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        let inputPipe = Pipe(), output = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = output
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}

@Suite struct BuildCommandTests {
    @Test func buildWritesAModelThatMatchesItsInputs() throws {
        let modelDirectory = try temporaryDirectory()
        let environment = ["MODEL_DIRECTORY": modelDirectory.path]
        let first = try practiced(["build"], environment: environment)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("65 cases, 237 practices"))
        let model = modelDirectory.appendingPathComponent("lsa.model")
        let bytes = try Data(contentsOf: model)
        #expect(bytes.prefix(8) == Data("PRMODEL1".utf8))
        // Same inputs, same model, byte for byte.
        #expect(try practiced(["build"], environment: environment).status == 0)
        #expect(try Data(contentsOf: model) == bytes)
    }

    /// The analysed corpus is saved beside the model and read at the next start instead of
    /// analysing again: the answers are the same bytes either way; a damaged stage is refused
    /// with a note naming it, analysed again and written anew.
    @Test func theAnalysedCorpusIsSavedAndReadBack() throws {
        let modelDirectory = try temporaryDirectory()
        let environment = ["MODEL_DIRECTORY": modelDirectory.path]
        #expect(try practiced(["build"], environment: environment).status == 0)
        let stage = modelDirectory.appendingPathComponent("features.stage")
        let saved = try Data(contentsOf: stage)
        #expect(saved.prefix(8) == Data("PRSTAGE1".utf8))
        let request = ["recommend", "--text", "山区贫困县，健康素养低，看病难", "--format", "json"]
        let fromStage = try practiced(request, environment: environment)
        #expect(fromStage.status == 0 && !fromStage.errors.contains("analysing"))
        try FileManager.default.removeItem(at: stage)
        let analysed = try practiced(request, environment: environment)
        #expect(analysed.output == fromStage.output)
        #expect(try Data(contentsOf: stage) == saved)

        var damaged = saved
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: stage)
        let recovered = try practiced(request, environment: environment)
        #expect(recovered.status == 0 && recovered.output == fromStage.output)
        #expect(recovered.errors.contains("features.stage") && recovered.errors.contains("checksum"))
        #expect(try Data(contentsOf: stage) == saved)
    }
}

@Suite struct EvalCommandTests {
    @Test func reportsTheBM25FloorForEveryDevelopmentProfile() throws {
        let result = try practiced(["eval", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let rows = object?["profiles"] as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["id"] as? String } == (1...25).map { String(format: "D%02d", $0) })
        // The floor as eval/README.md measured it over the 65 cases: BM25 0.621 mean, D24 the lowest.
        let mean = (object?["mean"] as? [String: Double])?["bm25_ndcg10"] ?? 0
        #expect((0.58...0.66).contains(mean))
        let d24 = rows.first { $0["id"] as? String == "D24" }?["bm25_ndcg10"] as? Double ?? 0
        #expect((0.1...0.35).contains(d24))
        // The held-out figure (5-fold cross-validation over whole profiles) beats both floors on
        // average: 0.716 against BM25 0.622 and TF-IDF 0.674 when measured.
        #expect(object?["folds"] as? Int == 5)
        let means = object?["mean"] as? [String: Double] ?? [:]
        let heldOut = means["cv_ndcg10"] ?? 0
        #expect(heldOut >= mean + 0.05)
        #expect(heldOut >= (means["tfidf_ndcg10"] ?? 1))
        #expect(rows.allSatisfy { ($0["fold"] as? Int).map { (0..<5).contains($0) } ?? false })
        // Similar cases: leave-one-out precision@3 is reported with its ceiling.
        let similar = object?["similar_cases"] as? [String: Any]
        #expect(similar?["queries"] as? Int == 10)
        #expect((similar?["precision_at_3"] as? Double ?? -1) <= (similar?["ceiling"] as? Double ?? 0) + 1e-9)
        // And nDCG@10 on the ten judged queries of eval/similar-dev-qrels.json, beside the
        // TF-IDF floor (eval/README.md measured the floor at 0.455 over the 48 cases of then;
        // the product's analyzer over the 65 of now: 0.589).
        let judged = object?["similar_cases_judged"] as? [String: Any]
        let queries = judged?["queries"] as? [[String: Any]] ?? []
        #expect(queries.compactMap { $0["key"] as? String }
            == ["000-03", "000-13", "001-10", "001-18", "002-01", "002-07", "002-17", "003-02", "003-05", "003-07"])
        #expect((0.5...0.7).contains(judged?["tfidf_ndcg10"] as? Double ?? 0))
        #expect((judged?["ndcg10"] as? Double ?? 0) > (judged?["tfidf_ndcg10"] as? Double ?? 1))
        // Held out (each query ranked with the weights best on the other nine): 0.718 against
        // the floor's 0.589 when measured, the hubness correction doing most of it.
        #expect((judged?["cv_ndcg10"] as? Double ?? 0) >= (judged?["tfidf_ndcg10"] as? Double ?? 1) + 0.08)
        #expect(((judged?["best_weights"] as? [String: Any])?["hubness"] as? Double ?? 0) > 0)
    }
}

@Suite struct RecommendCommandTests {
    /// The feature names of the shipped ranking model.
    static let modelFeatures: Set<String> = {
        let data = try? Data(contentsOf: projectRoot.appendingPathComponent("config/ranking-model.json"))
        let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return Set((object?["features"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
    }()

    @Test func tenPracticesFromAtLeastSixCasesEachWithWhy() throws {
        let result = try practiced(["recommend", "--text", "山区贫困县，健康素养低，看病难", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let practices = object?["practices"] as? [[String: Any]] ?? []
        #expect(practices.count == 10)
        let cases = practices.compactMap { $0["case_id"] as? String }
        #expect(Set(cases).count >= 6)
        // Diversity: no case more than twice.
        #expect(Dictionary(grouping: cases, by: { $0 }).values.allSatisfy { $0.count <= 2 })
        for practice in practices {
            let why = practice["why"] as? [String: Any]
            #expect((why?["region_fit"] as? String)?.isEmpty == false)
            #expect((practice["heading"] as? String)?.isEmpty == false)
            // Scores are 0–1 and in order.
            #expect((0...1).contains(practice["score"] as? Double ?? -1))
        }
        let scores = practices.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >) || Set(cases).count == 10)
        // The tags the profile's words carry are the ones the explanations name.
        let profileTags = ((object?["profile"] as? [String: Any])?["tags"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(profileTags.contains("health_literacy"))
        for practice in practices {
            let matched = (practice["why"] as? [String: Any])?["matched_tags"] as? [String] ?? []
            #expect(Set(matched).isSubset(of: Set(profileTags)))
            // `why` names the model's features that raised the item most, largest first.
            let raised = (practice["why"] as? [String: Any])?["features"] as? [[String: Any]] ?? []
            #expect(!raised.isEmpty && raised.count <= 3)
            #expect(raised.allSatisfy { Self.modelFeatures.contains($0["name"] as? String ?? "") && ($0["label"] as? String)?.isEmpty == false })
            let contributions = raised.compactMap { $0["contribution"] as? Double }
            #expect(contributions.allSatisfy { $0 > 0 } && contributions == contributions.sorted(by: >))
        }
    }

    /// A case about unrelated work does not rise on its place alone: for a mountain poverty county
    /// asking about tobacco control, the five best are about it, and no case that does not
    /// share the profile's word is raised by a fact of place.
    @Test func placeAloneRaisesNoCase() throws {
        let file = try temporaryDirectory().appendingPathComponent("tobacco.json")
        try Data(#"{"level": "县", "terrain": ["山区"], "economy": "原国家级贫困县", "urbanization": "农村", "text": "控烟"}"#.utf8).write(to: file)
        let result = try practiced(["recommend", "--profile", file.path, "--top", "100", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let practices = (try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])?["practices"] as? [[String: Any]] ?? []
        let corpus = Dictionary(uniqueKeysWithValues: try CorpusFiles.readDirectory(projectRoot.appendingPathComponent("Models/corpus")).map { ($0.id, $0) })
        let texts = practices.map { corpus[$0["case_id"] as? String ?? ""]?.text ?? "" }
        #expect(texts.count > 20 && texts.prefix(5).allSatisfy { $0.contains("控烟") })
        let place: Set = ["terrain", "poverty", "developed", "urban_rural", "level", "ethnic", "revolutionary_base", "province", "macro_region"]
        #expect(place.isSubset(of: Self.modelFeatures))
        for (practice, text) in zip(practices, texts) where !text.contains("控烟") {
            let raised = ((practice["why"] as? [String: Any])?["features"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(place.isDisjoint(with: raised), "\(practice["case_id"] ?? "") raised by \(raised)")
        }
    }

    @Test func aProfileIsNeededAndTopIsBounded() throws {
        let neither = try practiced(["recommend"])
        #expect(neither.status != 0 && neither.errors.contains("--profile"))
        let tooMany = try practiced(["recommend", "--text", "山区", "--top", "101"])
        #expect(tooMany.status != 0 && tooMany.errors.contains("--top"))
        let empty = try practiced(["recommend", "--text", ""])
        #expect(empty.status != 0 && empty.errors.contains("give at least one of text, terrain, economy or focus"))
    }
}

@Suite struct SimilarCommandTests {
    /// Every case of the shipped corpus as its JSON object.
    static func records() throws -> [[String: Any]] {
        let folder = projectRoot.appendingPathComponent("Models/corpus")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.flatMap { file in
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map { line in
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            }
        }
    }

    /// The practices of every case of the shipped corpus, by case id.
    static func practiceIds() throws -> [String: Set<String>] {
        Dictionary(try records().map { record in
            (record["id"] as? String ?? "", Set((record["practices"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The whole text of every case of the shipped corpus, by case id.
    static func caseTexts() throws -> [String: String] {
        Dictionary(try records().map { ($0["id"] as? String ?? "", $0["text"] as? String ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// Each similar case names the practices that match: a practice of the query case and one
    /// of the similar case, by their real ids.
    @Test func theMatchedPracticePairsAreRealPracticesOfBothCases() throws {
        let practices = try Self.practiceIds()
        for query in ["001-18", "000-03", "003-07"] {
            let result = try practiced(["similar", query, "--top", "5", "--format", "json"])
            #expect(result.status == 0, "\(result.errors)")
            let answer = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let similar = answer?["similar"] as? [[String: Any]] ?? []
            #expect(similar.count == 5)
            var pairs = 0
            for item in similar {
                let caseId = item["case_id"] as? String ?? ""
                for pair in (item["why"] as? [String: Any])?["practices"] as? [[String: Any]] ?? [] {
                    pairs += 1
                    #expect(practices[query]?.contains(pair["query"] as? String ?? "") == true, "\(pair) is not a practice of \(query)")
                    #expect(practices[caseId]?.contains(pair["match"] as? String ?? "") == true, "\(pair) is not a practice of \(caseId)")
                    #expect((pair["cosine"] as? Double ?? 0) > 0)
                }
            }
            #expect(pairs > 0, "\(query): no matched practices named")
        }
    }
}
