import Foundation

/// The learned combination of `RankingFeature`s: a case's score is Σ weightᵢ · featureᵢ, the
/// weights fitted to graded profiles by `RankingFitting` (a pairwise logistic model: the
/// probability that judges prefer case a to case b is σ(score(a) − score(b))). Kept in
/// `config/ranking-model.json` with the Chinese label `why` shows for each feature; refitted by
/// `practiced eval --fit`.
public struct RankingModel: Sendable, Equatable {
    /// One weight per feature, in `RankingFeature.allCases` order.
    public let weights: [Double]
    /// The L2 penalty the weights were fitted with (chosen by cross-validation).
    public let regularization: Double
    /// Each feature's label in answers (e.g. 语义相近), by feature.
    public let labels: [RankingFeature: String]

    public init(weights: [Double], regularization: Double, labels: [RankingFeature: String] = [:]) {
        precondition(weights.count == RankingFeature.allCases.count, "one weight per ranking feature")
        self.weights = weights
        self.regularization = regularization
        self.labels = labels
    }

    /// Σ weightᵢ · featureᵢ.
    public func score(_ features: [Double]) -> Double {
        zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The features that raised a case's score most, largest first (positive contributions only).
    public func strongest(_ features: [Double], limit: Int = 3) -> [(feature: RankingFeature, contribution: Double)] {
        let all = RankingFeature.allCases
        let raised = all.indices.filter { weights[$0] * features[$0] > 0 }
        // Ties: the feature listed first.
        let order = raised.sorted { weights[$0] * features[$0] > weights[$1] * features[$1] || (weights[$0] * features[$0] == weights[$1] * features[$1] && $0 < $1) }
        return order.prefix(limit).map { (all[$0], weights[$0] * features[$0]) }
    }

    public func label(_ feature: RankingFeature) -> String { labels[feature] ?? feature.rawValue }

    /// The same labels with new weights (a refit).
    public func with(weights: [Double], regularization: Double) -> RankingModel {
        RankingModel(weights: weights, regularization: regularization, labels: labels)
    }
}

extension RankingModel {
    /// The file's layout: {"format", "fitted", "regularization", "features": [{name, label, weight}]}.
    struct File: Codable {
        struct Entry: Codable {
            let name: String
            let label: String
            let weight: Double
        }
        var format: String
        var fitted: String
        var regularization: Double
        var features: [Entry]
    }

    static let format = "practiced ranking model 1"

    /// Reads `config/ranking-model.json`; an error names the file and what is wrong (a missing or
    /// unknown feature, another format).
    public static func load(from url: URL) throws -> RankingModel {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw RankingModelError("\(url.path): \(error)")
        }
        guard file.format == format else { throw RankingModelError("\(url.path): format \"\(file.format)\", expected \"\(format)\"") }
        var weights: [RankingFeature: Double] = [:], labels: [RankingFeature: String] = [:]
        for entry in file.features {
            guard let feature = RankingFeature(rawValue: entry.name) else {
                throw RankingModelError("\(url.path): unknown feature \"\(entry.name)\"; known: \(RankingFeature.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            (weights[feature], labels[feature]) = (entry.weight, entry.label)
        }
        let missing = RankingFeature.allCases.filter { weights[$0] == nil }
        guard missing.isEmpty else { throw RankingModelError("\(url.path): no weight for \(missing.map(\.rawValue).joined(separator: ", "))") }
        return RankingModel(weights: RankingFeature.allCases.map { weights[$0]! }, regularization: file.regularization, labels: labels)
    }

    /// The file's bytes (pretty-printed, features in their fixed order); `fitted` says on what.
    public func fileData(fitted: String) throws -> Data {
        let file = File(format: Self.format, fitted: fitted, regularization: regularization,
                        features: zip(RankingFeature.allCases, weights).map { .init(name: $0.rawValue, label: label($0), weight: $1) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file) + Data("\n".utf8)
    }
}

public struct RankingModelError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
