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

        public init(key: String, label: String, group: String, matched: String, offset: Int, count: Int) {
            (self.key, self.label, self.group, self.matched, self.offset, self.count) = (key, label, group, matched, offset, count)
        }
    }

    public let taxonomy: Taxonomy
    /// Each tag's patterns and exclusions, lowercased, as Unicode scalars.
    private let compiled: [(patterns: [[Unicode.Scalar]], excludes: [[Unicode.Scalar]])]

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        let scalars = { (text: String) in Array(text.lowercased().unicodeScalars) }
        compiled = taxonomy.tags.map { tag in
            (tag.patterns.map(scalars).filter { !$0.isEmpty }, (tag.exclude ?? []).map(scalars).filter { !$0.isEmpty })
        }
    }

    /// The salient tags of `text`, in taxonomy order.
    ///
    /// Matching is on Unicode scalars of the lowercased text rather than with `String.range(of:)`:
    /// Foundation's search folds character clusters at every step and took 70 % of a
    /// recommendation's start-up (the corpus's cases and practices are tagged when it loads);
    /// on normalised text the scalar comparison finds the same matches.
    public func tags(in text: String) -> [Hit] {
        let lowered = text.lowercased()
        let haystack = Array(lowered.unicodeScalars)
        let leadEnd = haystack.firstIndex { $0 == "。" || $0 == "\n" } ?? haystack.endIndex
        var hits: [Hit] = []
        for (tag, patterns) in zip(taxonomy.tags, compiled) {
            let excluded = patterns.excludes.flatMap { Self.matches(of: $0, in: haystack) }
            var first: Range<Int>?
            var count = 0
            for pattern in patterns.patterns {
                for range in Self.matches(of: pattern, in: haystack)
                where !excluded.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                    count += 1
                    if first == nil || range.lowerBound < first!.lowerBound { first = range }
                }
            }
            guard let first, count >= taxonomy.salience.minimumCount || first.lowerBound < leadEnd else { continue }
            var matched = String.UnicodeScalarView()
            matched.append(contentsOf: haystack[first])
            let start = lowered.unicodeScalars.index(lowered.unicodeScalars.startIndex, offsetBy: first.lowerBound)
            hits.append(Hit(
                key: tag.key, label: tag.label, group: tag.group, matched: String(matched),
                offset: lowered.distance(from: lowered.startIndex, to: start), count: count))
        }
        return hits
    }

    /// Non-overlapping occurrences of `pattern`, left to right, as scalar offsets.
    private static func matches(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard pattern.count <= text.count, let head = pattern.first else { return [] }
        var result: [Range<Int>] = []
        var position = 0
        let last = text.count - pattern.count
        while position <= last {
            if text[position] == head, text[position..<(position + pattern.count)].elementsEqual(pattern) {
                result.append(position..<(position + pattern.count))
                position += pattern.count
            } else {
                position += 1
            }
        }
        return result
    }

    /// A tag vector: 1 for each tag present, in taxonomy order.
    public func vector(of hits: [Hit]) -> [Double] {
        let present = Set(hits.map(\.key))
        return taxonomy.tags.map { present.contains($0.key) ? 1 : 0 }
    }
}
