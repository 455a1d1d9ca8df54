import Foundation

/// The ranking measures of `../shared/eval/README.md`, over a ranked list of case keys.
public enum RankingMetrics {
    /// The distinct items of `ranked`, in order of first appearance (the cases of the top
    /// practices: two practices of one case count once).
    public static func distinctInOrder(_ ranked: [String]) -> [String] {
        var seen = Set<String>()
        return ranked.filter { seen.insert($0).inserted }
    }

    /// The positions of the `count` highest scores, highest first, ties to the lower position
    /// (the floors' rankings: a score per case, the cases in corpus order).
    public static func topPositions(_ scores: [Double], count: Int) -> [Int] {
        Array(scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }.prefix(count))
    }

    /// nDCG@k with gain 2^grade − 1 and log₂(rank + 1) discount; the ideal is the k best-graded
    /// items of `grades`. Unjudged items have grade 0. 0 when nothing is relevant.
    public static func ndcg(_ ranked: [String], grades: [String: Double], at k: Int = 10) -> Double {
        ndcg(ranked, grades: grades, ideal: idealDCG(grades: grades, at: k), at: k)
    }

    /// The same with the ideal DCG given: a fit that ranks one profile many times sorts its
    /// grades once (`idealDCG`).
    public static func ndcg(_ ranked: [String], grades: [String: Double], ideal: Double, at k: Int = 10) -> Double {
        guard ideal > 0 else { return 0 }
        return dcg(distinctInOrder(ranked).map { gain(grades[$0] ?? 0) }, at: k) / ideal
    }

    /// The DCG@k of the k best-graded items.
    public static func idealDCG(grades: [String: Double], at k: Int = 10) -> Double {
        dcg(grades.values.sorted(by: >).map(gain), at: k)
    }

    private static func dcg(_ gains: [Double], at k: Int) -> Double {
        gains.prefix(k).enumerated().reduce(0) { $0 + $1.element / log2(Double($1.offset) + 2) }
    }

    private static func gain(_ grade: Double) -> Double { pow(2, grade) - 1 }

    /// The share of the first k distinct items with grade ≥ `relevant` (always out of k).
    public static func precision(_ ranked: [String], grades: [String: Double], at k: Int = 5, relevant: Double = 2) -> Double {
        let hits = distinctInOrder(ranked).prefix(k).filter { (grades[$0] ?? 0) >= relevant }.count
        return Double(hits) / Double(k)
    }
}
