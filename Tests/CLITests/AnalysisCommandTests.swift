import Foundation
import Testing

@Suite struct AnalysisCommandTests {
    /// TF-IDF equals scikit-learn's TfidfTransformer(sublinear_tf=True, smooth_idf=True,
    /// norm="l2") on the exported counts. The Python side runs in .venv-test, which
    /// `make test` creates (scikit-learn, scipy).
    @Test func tfidfEqualsScikitLearn() throws {
        let python = projectRoot.appendingPathComponent(".venv-test/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no \(python.path): run the tests with `make test`, which creates it")
        let out = try temporaryDirectory()
        let export = try practiced(["export", "--out", out.path])
        #expect(export.status == 0, "\(export.errors)")
        for file in ["counts.mtx", "tfidf.mtx", "terms.txt", "cases.txt"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "missing \(file)")
        }
        let cases = try String(contentsOf: out.appendingPathComponent("cases.txt"), encoding: .utf8).split(separator: "\n")
        #expect(cases.count == 48 && cases.first == "000-01")

        let check = Process()
        check.executableURL = python
        check.arguments = [projectRoot.appendingPathComponent("Tests/CrossChecks/tfidf_check.py").path, out.path]
        let pipe = Pipe()
        check.standardOutput = pipe
        try check.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        print("tf-idf vs scikit-learn: \(result)")
        #expect(result["rows"] as? Int == 48)
        #expect(result["nonzeros"] as? Int == result["reference_nonzeros"] as? Int)
        let difference = try #require(result["max_abs_difference"] as? Double)
        #expect(difference <= 1e-12)
    }

    @Test func tokenizePrintsOneLinePerInputLine() throws {
        let process = Process()
        process.executableURL = practicedBinary
        process.arguments = ["tokenize", "--no-domain"]
        process.currentDirectoryURL = projectRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("我来到北京清华大学\n\n提升居民健康素养，覆盖率达到 97.5 %\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
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
