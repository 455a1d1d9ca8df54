@testable import Analyzer
import Foundation
import Testing

@Suite struct SegmenterTests {
    /// Agreement with python3-jieba (precise mode, HMM on, no user dictionary): the share of
    /// jieba's token spans that the segmenter produces too, over the seed documents.
    @Test func agreesWithJiebaOnTheSeedDocuments() throws {
        let segmenter = Segmenter(lexicon: jiebaLexicon)
        var jiebaSpans = 0
        var shared = 0
        for document in seedDocuments {
            let lines = try String(contentsOf: document.text, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let reference = try String(contentsOf: document.jieba, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(reference.count == lines.count + 1 || reference.count == lines.count, "\(document.name): fixture out of date")
            var documentShared = 0
            var documentTotal = 0
            for (line, tokens) in zip(lines, reference) {
                let scalars = line.unicodeScalars.map(\.value)
                let theirs = try #require(spans(of: tokens.split(separator: " "), in: scalars), "\(document.name): fixture line does not fit: \(line)")
                let ours = Set(segmenter.spans(of: scalars).filter { !scalars[$0].allSatisfy(Segmenter.isWhitespace) })
                documentTotal += theirs.count
                documentShared += theirs.filter(ours.contains).count
            }
            jiebaSpans += documentTotal
            shared += documentShared
            print("segmentation vs jieba, \(document.name): \(documentShared)/\(documentTotal)")
        }
        let agreement = Double(shared) / Double(jiebaSpans)
        print("segmentation vs jieba, all seeds: \(shared)/\(jiebaSpans) = \(agreement)")
        #expect(jiebaSpans > 30_000)  // the fixtures cover the four seeds
        #expect(agreement >= 0.999)
    }

    /// The step cache only saves time: line by line with a fresh workspace each (small caches,
    /// many collisions) and with one workspace sized by a long text, the same words. (A hit
    /// once read its probability after another step could overwrite the line: different words.)
    @Test func theStepCacheDoesNotChangeTheWords() throws {
        let segmenter = Segmenter(lexicon: jiebaLexicon)
        let shared = SegmentationWorkspace()
        var lines: [[UInt32]] = []
        for document in seedDocuments {
            let text = try String(contentsOf: document.text, encoding: .utf8)
            _ = segmenter.spans(of: text.unicodeScalars.map(\.value), workspace: shared)
            lines += text.split(separator: "\n").map { $0.unicodeScalars.map(\.value) }
        }
        var differing = 0
        for line in lines where segmenter.spans(of: line) != segmenter.spans(of: line, workspace: shared) { differing += 1 }
        #expect(differing == 0, "\(differing) of \(lines.count) lines")
    }

    @Test func knownSentences() {
        let segmenter = Segmenter(lexicon: jiebaLexicon)
        #expect(segmenter.words("我来到北京清华大学") == ["我", "来到", "北京", "清华大学"])
        #expect(segmenter.words("他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭研", "大厦"])
        #expect(segmenter.words("覆盖率达到97.5%") == ["覆盖率", "达到", "97.5%"])
        #expect(segmenter.words("") == [])
    }

    @Test func domainDictionaryJoinsItsWords() {
        let plain = Segmenter(lexicon: jiebaLexicon)
        let domain = Segmenter(lexicon: domainLexicon)
        #expect(plain.words("提升居民健康素养，推进医共体建设").contains("健康素养") == false)
        #expect(domain.words("提升居民健康素养，推进医共体建设").contains("健康素养"))
        #expect(domain.words("提升居民健康素养，推进医共体建设").contains("医共体"))
    }
}
