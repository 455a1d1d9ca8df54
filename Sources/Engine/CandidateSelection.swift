import Features
import Foundation
import LSA
import Profiles

/// The best cases of a request without the features of every case: candidates by exact score
/// bounds.
extension CaseScorer {
    /// The best `limit` cases that `admits` lets through, best first (ties: corpus order),
    /// scored in full. With `candidates` (the default) only the cases whose score can still make
    /// the list get their features: the same cases as the full scan, in the same order (a test
    /// holds the two together on the development profiles).
    ///
    /// Why it is exact: every case's score has an upper bound from what the request computed for
    /// all cases anyway (`upperBounds`). The `limit`·4 cases of highest bound are scored first;
    /// the `limit`-th best of their scores is a score some case really reaches, so a case whose
    /// bound is below it cannot be among the best `limit`, and is skipped. At 50,000 cases most
    /// are (its features and dot product were three quarters of a request).
    public func best(_ profile: AnalyzedProfile, model: RankingModel, limit: Int, candidates: Bool = true,
                     admits: (Int) -> Bool) -> [ScoredCase] {
        guard limit > 0 else { return [] }
        let request = request(profile)
        var buffer: [Double] = []
        var threshold = -Double.infinity
        // Bounds pay when most cases can be skipped: not in a corpus of a few times the list
        // (at 65 cases they cost more than the features they saved).
        let candidates = candidates && features.caseIds.count > 20 * limit
        let bounds = candidates ? upperBounds(request, model: model) : []
        if candidates {
            var first: [Double] = []
            let highest = CandidateHeaps(rows: 1, capacity: limit * 4)
            for (row, bound) in bounds.enumerated() where Float(bound) > highest.thresholds[0] { highest.offer(row: 0, index: row, score: Float(bound)) }
            for row in highest.sorted(row: 0).map(\.index) where admits(row) {
                features(row: row, request, into: &buffer)
                first.append(model.score(buffer))
            }
            if first.count >= limit { threshold = first.sorted(by: >)[limit - 1] }
        }
        // The best so far, best first; a case enters only when it beats the last.
        var chosen: [(row: Int, score: Double)] = []
        chosen.reserveCapacity(limit + 1)
        for row in features.caseIds.indices {
            // The bound, widened by a rounding margin: a case that might tie the threshold is scored.
            if candidates, bounds[row] + 1e-9 < threshold { continue }
            guard admits(row) else { continue }
            features(row: row, request, into: &buffer)
            let score = model.score(buffer)
            if chosen.count == limit, let last = chosen.last, !(score > last.score) { continue }
            let position = chosen.firstIndex { score > $0.score } ?? chosen.count
            chosen.insert((row, score), at: position)
            if chosen.count > limit { chosen.removeLast() }
        }
        return chosen.map { scoredCase(row: $0.row, request, model: model, buffer: &buffer) }
    }

    /// Each case's highest possible score for this request: its text and tag features exactly
    /// (the text computed for every case anyway, the tags a few table reads), and each place
    /// feature the profile states at its most (|weight| × the case's cosine: agreements are −1…1).
    /// Column by column over raw buffers: it runs over every case of every request.
    func upperBounds(_ request: Request, model: RankingModel) -> [Double] {
        let weights = model.weights, cases = features.caseIds.count, width = taxonomy.tags.count
        let place = RankingFeature.place.filter(request.place.states).reduce(0.0) { $0 + abs(weights[$1.index]) }
        // Scaled here by weight / best (not value / best: the margin in `best` covers the rounding).
        let textColumns = [(request.text, weights[RankingFeature.bm25.index]), (request.cosine, weights[RankingFeature.tfidf.index] + place),
                           (request.semantic, weights[RankingFeature.lsa.index]), (request.practiceText, weights[RankingFeature.practiceText.index])]
            .map { column, weight in (column.values, column.best > 0 ? weight / column.best : 0) }
        var bounds = [Double](repeating: 0, count: cases)
        bounds.withUnsafeMutableBufferPointer { out in
            for (column, weight) in textColumns where weight != 0 {
                column.withUnsafeBufferPointer { values in
                    for row in 0..<cases { out[row] += weight * values[row] }
                }
            }
            // Each profile tag's part of its feature, from the bits of the tags each case
            // carries (the count table, 44 counts a case, was a cache miss per case).
            let tagParts = zip(RankingFeature.tags, request.tagGroups).filter { $0.0 != .actionShare && $0.1.total > 0 }.flatMap { feature, group in
                group.tags.map { (word: $0.position / 64, bit: UInt64(1) << ($0.position % 64), add: weights[feature.index] * $0.weight / group.total) }
            }
            let shareWeight = request.actionPositions.isEmpty ? 0 : weights[RankingFeature.actionShare.index]
            let actionBits = request.actionPositions.map { (word: $0 / 64, bit: UInt64(1) << ($0 % 64)) }
            let words = tagWords
            tagBits.withUnsafeBufferPointer { bits in
                tagParts.withUnsafeBufferPointer { parts in
                    for row in 0..<cases {
                        let base = row * words
                        var sum = 0.0
                        for part in parts where bits[base + part.word] & part.bit != 0 { sum += part.add }
                        // The action share at its most (1) for a case carrying one of the profile's
                        // actions: exact, it read the count table for most cases.
                        if shareWeight > 0, actionBits.contains(where: { bits[base + $0.word] & $0.bit != 0 }) { sum += shareWeight }
                        out[row] += sum
                    }
                }
            }
        }
        return bounds
    }
}
