import Corpus
import Engine
import Features
import Foundation

/// `similar`'s answer: DESIGN.md's {"query": …, "similar": [{rank, case_id, title, region, score, why}]}.
public enum SimilarAnswer {
    public struct Query: Sendable {
        let record: CaseRecord?
        let text: String?
        let tags: [Tagger.Hit]
        /// The practices the importer read in a pasted text (the ids its matched pairs name).
        let practices: [Practice]
    }

    public static func query(case record: CaseRecord) -> Query { Query(record: record, text: nil, tags: [], practices: []) }

    public static func query(text: String, tags: [Tagger.Hit], practices: [Practice] = []) -> Query {
        Query(record: nil, text: text, tags: tags, practices: practices)
    }

    public static func envelope(query: Query, _ found: [SimilarCase], cases: CaseCatalogue) throws -> Data {
        let encodedQuery = SimilarEnvelope.Query(
            caseId: query.record?.id, title: query.record?.title, region: query.record.map(RegionAnswer.init), text: query.text,
            tags: query.record == nil ? query.tags.map { TagAnswer(key: $0.key, label: $0.label, source: "text: \($0.matched)") } : nil,
            practices: query.record == nil ? query.practices.map { .init(id: $0.id, heading: $0.heading) } : nil)
        return try AnswerEncoding.encode(SimilarEnvelope(query: encodedQuery, similar: found.map { item(for: $0, record: cases[$0.row]) }))
    }

    static func item(for item: SimilarCase, record: CaseRecord) -> SimilarEnvelope.Item {
        SimilarEnvelope.Item(
            rank: item.rank, caseId: item.caseId, title: record.title, region: RegionAnswer(record), score: item.score,
            components: .init(semantic: item.semantic, text: item.text, tags: item.tagOverlap, hubness: item.hubness),
            why: .init(terms: item.terms, tags: item.tags,
                       practices: item.practicePairs.map { .init(query: $0.query, match: $0.match, cosine: $0.cosine) }),
            provenance: ProvenanceAnswer(record))
    }

    /// The text form: one block per case.
    public static func render(_ found: [SimilarCase], cases: CaseCatalogue, labels: [String: String]) -> String {
        guard !found.isEmpty else { return "（没有符合条件的案例）" }
        var lines: [String] = []
        for item in found {
            let record = cases[item.row]
            lines.append(String(format: "%2d. %.3f  %@  %@", item.rank, item.score, item.caseId, record.title ?? record.region.name))
            lines.append("    \(record.region.name) · 来源: \(provenanceLine(record))")
            var why: [String] = []
            if !item.tags.isEmpty { why.append("共同标签 " + item.tags.map { labels[$0] ?? $0 }.joined(separator: "、")) }
            if !item.terms.isEmpty { why.append("共同关键词 " + item.terms.joined(separator: "、")) }
            if !item.practicePairs.isEmpty {
                why.append("做法对应 " + item.practicePairs.map { "\($0.query) ↔ \($0.match)" }.joined(separator: "、"))
            }
            if !why.isEmpty { lines.append("    why: " + why.joined(separator: "；")) }
        }
        return lines.joined(separator: "\n")
    }
}
