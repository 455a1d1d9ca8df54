@testable import Answers
import Engine
import Features
import Foundation
import Profiles

/// `recommend`'s answer encoded whole by JSONEncoder: DESIGN.md's envelope {"profile": …,
/// "practices": […]}. The answers go out through `RecommendationWriter` (same bytes, faster);
/// this is the plain reference the tests hold it to — kept here, not in the product, so that
/// the product has one answer encoder.
enum RecommendationJSON {
    static func envelope(_ profile: AnalyzedProfile, _ items: [Recommendation], recommender: Recommender) throws -> Data {
        let understood = RecommendationEnvelope.Profile(
            id: profile.profile.id, name: profile.profile.name,
            tags: profile.tags.map { TagAnswer(key: $0.key, label: $0.label, source: $0.source) }, attributes: profile.attributes)
        return try AnswerEncoding.encode(RecommendationEnvelope(profile: understood, practices: items.map { item(for: $0, recommender: recommender) }))
    }

    static func item(for item: Recommendation, recommender: Recommender) -> RecommendationEnvelope.Item {
        let record = recommender.cases[item.scoredCase.row]
        let practice = record.practices.first { $0.id == item.practiceId }
        let scored = item.scoredCase
        return RecommendationEnvelope.Item(
            rank: item.rank, practiceId: item.practiceId, caseId: item.caseId, caseTitle: record.title, region: RegionAnswer(record),
            heading: practice?.heading ?? "", text: practice?.text ?? "", score: item.score,
            components: .init(text: scored.text, semantic: scored.semantic, tags: scored.tags, region: scored.region),
            why: .init(features: item.raised.map { .init(name: $0.feature.rawValue, label: recommender.model.label($0.feature), contribution: $0.contribution) },
                       matchedTags: scored.matchedTags, terms: item.terms, regionFit: regionFitSentence(scored.regionFit)),
            evidence: item.evidence, provenance: ProvenanceAnswer(record))
    }
}
