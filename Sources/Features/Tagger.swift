import Foundation

/// Finds the taxonomy's tags in a text, each with the words that triggered it, so that an
/// answer can say why ("控烟: 戒烟"). Matching is literal, on text normalised the way the
/// analyzer normalises it; ASCII letters match in any case. A tag is reported only where it is
/// salient (see `Taxonomy.Salience`): matched often enough, or in the lead.
public struct Tagger: Sendable {
    public struct Hit: Sendable, Equatable, Codable {
        public let key: String
        public let label: String
        public let group: String
        /// The text that triggered the tag (its first occurrence).
        public let matched: String
        /// Where that text starts, in characters of the normalised text.
        public let offset: Int
        /// How many matches of the tag's patterns the text has.
        public let count: Int
    }

    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The salient tags of `text`, in taxonomy order.
    public func tags(in text: String) -> [Hit] {
        let haystack = text.lowercased()
        let leadEnd = haystack.firstIndex { $0 == "。" || $0 == "\n" } ?? haystack.endIndex
        var hits: [Hit] = []
        for tag in taxonomy.tags {
            let excluded = (tag.exclude ?? []).flatMap { ranges(of: $0.lowercased(), in: haystack) }
            var first: Range<String.Index>?
            var count = 0
            for pattern in tag.patterns {
                for range in ranges(of: pattern.lowercased(), in: haystack)
                where !excluded.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                    count += 1
                    if first == nil || range.lowerBound < first!.lowerBound { first = range }
                }
            }
            guard let first, count >= taxonomy.salience.minimumCount || first.lowerBound < leadEnd else { continue }
            hits.append(Hit(
                key: tag.key, label: tag.label, group: tag.group, matched: String(haystack[first]),
                offset: haystack.distance(from: haystack.startIndex, to: first.lowerBound), count: count))
        }
        return hits
    }

    private func ranges(of pattern: String, in text: String) -> [Range<String.Index>] {
        guard !pattern.isEmpty else { return [] }
        var result: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: pattern, range: searchStart..<text.endIndex) {
            result.append(range)
            searchStart = range.upperBound
        }
        return result
    }

    /// A tag vector: 1 for each tag present, in taxonomy order.
    public func vector(of hits: [Hit]) -> [Double] {
        let present = Set(hits.map(\.key))
        return taxonomy.tags.map { present.contains($0.key) ? 1 : 0 }
    }
}
