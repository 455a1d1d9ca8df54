import Features
import Foundation
import Profiles

/// Development profiles with graded judgments (`eval/`, a copy of `../shared/eval/`).
public struct EvaluationSet: Sendable {
    public let profiles: [RegionProfile]
    public let judgments: Judgments

    /// `profiles`: JSON Lines, one profile per line; `judgments`: `dev-qrels.json`. A profile
    /// without an id or without judgments is an error naming its line.
    public init(profiles profilesFile: URL, judgments judgmentsFile: URL) throws {
        judgments = try Judgments(contentsOf: judgmentsFile)
        var profiles: [RegionProfile] = []
        let text = String(decoding: try Data(contentsOf: profilesFile), as: UTF8.self)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let place = "\(profilesFile.path):\(offset + 1)"
            let profile: RegionProfile
            do { profile = try RegionProfile.decode(Data(line.utf8)) } catch {
                throw EngineError.badInput(path: place, reason: "\(error)")
            }
            guard let id = profile.id, judgments.grades[id] != nil else {
                throw EngineError.badInput(path: place, reason: "profile \(profile.id ?? "without id") has no judgments in \(judgmentsFile.lastPathComponent)")
            }
            profiles.append(profile)
        }
        self.profiles = profiles
    }
}
