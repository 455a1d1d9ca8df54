import Corpus
import Engine
import Features
import Foundation

/// The region-fit sentence of an explanation, e.g. 来源地同为山区、原国家级贫困县.
func regionFitSentence(_ fit: RegionFit?) -> String {
    guard let fit else { return "画像未说明本地情况，未比较来源地" }
    return fit.shared.isEmpty ? "来源地情况与本地不同或不详" : "来源地同为" + fit.shared.joined(separator: "、")
}

/// `--format json` of `recommend`: DESIGN.md's envelope {"profile": …, "practices": […]}.
enum RecommendationJSON {
    static func envelope(_ profile: AnalyzedProfile, _ items: [Recommendation], records: [String: CaseRecord]) throws -> [String: Any] {
        let attributes = try JSONSerialization.jsonObject(with: JSONEncoder().encode(profile.attributes))
        let understood: [String: Any] = [
            "tags": profile.tags.map { ["key": $0.key, "label": $0.label, "source": $0.source] },
            "attributes": attributes,
        ]
        return ["profile": understood, "practices": items.map { item(for: $0, records: records) }]
    }

    static func item(for item: Recommendation, records: [String: CaseRecord]) -> [String: Any] {
        let record = records[item.caseId]
        let practice = record?.practices.first { $0.id == item.practiceId }
        let scored = item.scoredCase
        let region: [String: Any] = [
            "name": record?.region.name ?? "", "province": record?.region.province ?? NSNull(),
            "prefecture": record?.region.prefecture ?? NSNull(), "county": record?.region.county ?? NSNull(),
            "level": record?.region.level ?? NSNull(),
        ]
        return [
            "rank": item.rank, "practice_id": item.practiceId, "case_id": item.caseId,
            "case_title": record?.title ?? NSNull(), "region": region,
            "heading": practice?.heading ?? "", "text": practice?.text ?? "", "score": item.score,
            "components": ["text": scored.text, "semantic": scored.semantic, "tags": scored.tags, "region": scored.region],
            "why": ["matched_tags": scored.matchedTags, "region_fit": regionFitSentence(scored.regionFit)],
        ]
    }
}

/// The text form of `recommend`: one block per practice.
enum RecommendationText {
    static func render(_ profile: AnalyzedProfile, _ items: [Recommendation], records: [String: CaseRecord]) -> String {
        var lines = ["画像标签: " + (profile.tags.isEmpty ? "（无）" : profile.tags.map(\.label).joined(separator: "、"))]
        for item in items {
            let record = records[item.caseId]
            let practice = record?.practices.first { $0.id == item.practiceId }
            let place = [record?.region.province, record?.region.prefecture, record?.region.county].compactMap { $0 }.joined(separator: " ")
            lines.append("")
            lines.append(String(format: "%2d. %.3f  %@", item.rank, item.score, practice?.heading ?? item.practiceId))
            lines.append("    \(place.isEmpty ? record?.region.name ?? "" : place) · \(record?.title ?? item.caseId) · \(record?.source.issuer ?? "") \(record?.source.year.map(String.init) ?? "")")
            let tags = item.scoredCase.matchedTags
            lines.append("    why: \(regionFitSentence(item.scoredCase.regionFit))" + (tags.isEmpty ? "" : "；标签 " + tags.joined(separator: "、")))
        }
        return lines.joined(separator: "\n")
    }
}
