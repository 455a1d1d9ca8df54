import Engine
import Features
import Foundation

/// Writes `recommend`'s JSON answer from pieces encoded once per practice.
///
/// What a practice's item says about its source (ids, title, heading, text, region,
/// provenance, evidence) does not depend on the request; encoding it again for every answer
/// was a third of the daemon's time per recommendation. Those pieces are encoded at load time
/// with the same JSONEncoder; each answer writes only what depends on the request (rank,
/// score, components and why by `JSONText`, the profile by JSONEncoder) and joins them in the
/// sorted key order JSONEncoder would use. `RecommendationJSON.envelope` encodes the whole answer the plain way; a test
/// holds the two to the same bytes.
public final class RecommendationWriter: Sendable {
    /// Per practice index: the fixed members of its item, as `"key":value` in key order, split
    /// around the dynamic members.
    private let fixed: [Fixed]

    struct Fixed: Sendable {
        /// "case_id", "case_title" (before "components").
        let head: Data
        /// "heading", "practice_id", "provenance" (after "evidence", before "rank").
        let middle: Data
        /// "region" (after "rank", before "score").
        let region: Data
        /// "text" (after "score", before "why").
        let text: Data
        /// "evidence": per practice, fixed too.
        let evidence: Data
    }

    public init(recommender: Recommender) throws {
        let features = recommender.scorer.features
        let encoder = AnswerEncoding.encoder
        func member(_ key: String, _ value: some Encodable) throws -> Data {
            Data("\"\(key)\":".utf8) + (try encoder.encode(value))
        }
        let comma = Data(",".utf8)
        fixed = try features.practiceIds.indices.map { practice in
            let record = recommender.cases[features.practiceCaseRows[practice]]
            let item = record.practices.first { $0.id == features.practiceIds[practice] }
            let title: String? = record.title
            return Fixed(
                head: try member("case_id", record.id) + comma + member("case_title", title),
                middle: try member("heading", item?.heading ?? "") + comma + member("practice_id", features.practiceIds[practice])
                    + comma + member("provenance", ProvenanceAnswer(record)),
                region: try member("region", RegionAnswer(record)),
                text: try member("text", item?.text ?? ""),
                evidence: try member("evidence", recommender.evidence(ofPractice: practice)))
        }
    }

    public func envelope(_ profile: AnalyzedProfile, _ items: [Recommendation]) throws -> Data {
        let encoder = AnswerEncoding.encoder
        let understood = RecommendationEnvelope.Profile(
            id: profile.profile.id, name: profile.profile.name,
            tags: profile.tags.map { TagAnswer(key: $0.key, label: $0.label, source: $0.source) }, attributes: profile.attributes)
        var output = Data("{\"practices\":[".utf8)
        for (index, item) in items.enumerated() {
            let pieces = fixed[item.practiceIndex], scored = item.scoredCase
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "{"))
            output.append(pieces.head)
            // The members that depend on the request, written directly (`JSONText`), keys in order.
            output.append(contentsOf: Array(",\"components\":{\"region\":".utf8))
            JSONText.append(scored.region, to: &output)
            output.append(contentsOf: Array(",\"semantic\":".utf8))
            JSONText.append(scored.semantic, to: &output)
            output.append(contentsOf: Array(",\"tags\":".utf8))
            JSONText.append(scored.tags, to: &output)
            output.append(contentsOf: Array(",\"text\":".utf8))
            JSONText.append(scored.text, to: &output)
            output.append(contentsOf: Array("},".utf8))
            output.append(pieces.evidence)
            output.append(UInt8(ascii: ","))
            output.append(pieces.middle)
            output.append(contentsOf: Array(",\"rank\":\(item.rank),".utf8))
            output.append(pieces.region)
            output.append(contentsOf: Array(",\"score\":".utf8))
            JSONText.append(item.score, to: &output)
            output.append(UInt8(ascii: ","))
            output.append(pieces.text)
            output.append(contentsOf: Array(",\"why\":{\"matched_tags\":".utf8))
            JSONText.append(scored.matchedTags, to: &output)
            output.append(contentsOf: Array(",\"region_fit\":".utf8))
            JSONText.append(regionFitSentence(scored.regionFit), to: &output)
            output.append(contentsOf: Array(",\"terms\":".utf8))
            JSONText.append(item.terms, to: &output)
            output.append(UInt8(ascii: "}"))
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: Array("],\"profile\":".utf8))
        output.append(try encoder.encode(understood))
        output.append(UInt8(ascii: "}"))
        return output
    }
}
