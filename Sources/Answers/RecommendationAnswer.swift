import Corpus
import Engine
import Features
import Foundation
import Profiles

/// The region-fit sentence of an explanation, e.g. 来源地同为山区、原国家级贫困县.
public func regionFitSentence(_ fit: RegionFit?) -> String {
    guard let fit else { return "画像未说明本地情况，未比较来源地" }
    return fit.shared.isEmpty ? "来源地情况与本地不同或不详" : "来源地同为" + fit.shared.joined(separator: "、")
}

/// JSON bytes of an answer: keys sorted, so that the same answer is the same bytes from the
/// command line and from the daemon.
public func answerJSON(_ object: [String: Any]) throws -> Data {
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// Where a case was published, in one line for the text forms: issuer (else the document's
/// title), 文号, year; the file when the document says none of these.
public func provenanceLine(_ record: CaseRecord) -> String {
    let parts = [record.source.issuer ?? record.source.title, record.source.docNumber, record.source.year.map { "\($0)年" }].compactMap { $0 }
    return parts.isEmpty ? record.source.file : parts.joined(separator: " ")
}

/// The text form of `recommend`: one block per practice.
public enum RecommendationText {
    public static func render(_ profile: AnalyzedProfile, _ items: [Recommendation], recommender: Recommender) -> String {
        let labels = Dictionary(profile.tags.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        var lines = ["画像标签: " + (profile.tags.isEmpty ? "（无）" : profile.tags.map(\.label).joined(separator: "、"))]
        if items.isEmpty { lines.append("（没有符合条件的做法）") }
        for item in items {
            let record = recommender.cases[item.scoredCase.row]
            let practice = record.practices.first { $0.id == item.practiceId }
            let place = [record.region.province, record.region.prefecture, record.region.county].compactMap { $0 }.joined(separator: " ")
            lines.append("")
            lines.append(String(format: "%2d. %.3f  %@", item.rank, item.score, practice?.heading ?? item.practiceId))
            lines.append("    \(place.isEmpty ? record.region.name : place) · \(record.title ?? item.caseId) · 来源: \(provenanceLine(record))")
            var why = [regionFitSentence(item.scoredCase.regionFit)]
            let raised = item.raised.map { recommender.model.label($0.feature) }
            if !raised.isEmpty { why.insert("依据 " + raised.joined(separator: "、"), at: 0) }
            let tags = item.scoredCase.matchedTags.map { labels[$0] ?? $0 }
            if !tags.isEmpty { why.append("标签 " + tags.joined(separator: "、")) }
            if !item.terms.isEmpty { why.append("关键词 " + item.terms.joined(separator: "、")) }
            lines.append("    why: " + why.joined(separator: "；"))
            for sentence in item.evidence { lines.append("    成效: " + sentence) }
            // 11 of the 48 shipped cases report no measured result: say so rather than leave a gap.
            if item.evidence.isEmpty { lines.append("    成效: （来源未报告量化结果）") }
        }
        return lines.joined(separator: "\n")
    }
}
