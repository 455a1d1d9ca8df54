import Features
import Foundation
import Importer
import SwiftCSV

/// Region profiles as users bring them: one JSON object (`.json`, or an array of them), JSON
/// Lines (`.jsonl`, one per line, for batches), CSV (`.csv`, a header row naming the profile's
/// fields) or a document: a region's own plan as plain text (any other extension), whose
/// words describe the place and what it already does.
///
/// Files are UTF-8 with or without BOM, or GB18030 (converted). Each profile comes with the
/// line it starts on, and a row that cannot be read with its error, so that a batch can report
/// a bad row and go on with the others.
public enum ProfileFile {
    public struct Row: Sendable {
        /// 1-based line of the file where the profile starts.
        public let line: Int
        public let profile: Result<RegionProfile, ProfileError>
    }

    /// Every profile of the file. Throws only when the file itself cannot be read.
    public static func read(_ url: URL) throws -> [Row] {
        let text = try decodedText(url)
        switch url.pathExtension.lowercased() {
        case "json": return try jsonRows(text, file: url.path)
        case "jsonl", "ndjson": return jsonLineRows(text)
        case "csv": return try csvRows(text, file: url.path)
        default: return [Row(line: 1, profile: .success(RegionProfile(name: url.deletingPathExtension().lastPathComponent, text: text)))]
        }
    }

    /// A document's text (a region's plan), decoded as `read` decodes profile files.
    public static func documentText(_ url: URL) throws -> String {
        let text = try decodedText(url)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ProfileError(field: url.path, message: "empty document") }
        return text
    }

    private static func decodedText(_ url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ProfileError(field: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        do { return try DocumentDecoder.decode(data, file: url.path).text } catch {
            throw ProfileError(field: url.path, message: "\(error)")
        }
    }

    /// The profiles of a file with their lines, failing on the first bad one with its file and line.
    public static func readAll(_ url: URL) throws -> [(line: Int, profile: RegionProfile)] {
        let rows = try read(url)
        guard !rows.isEmpty else { throw ProfileError(field: url.path, message: "holds no profile") }
        return try rows.map { row in
            switch row.profile {
            case .success(let profile): return (row.line, profile)
            case .failure(let error): throw ProfileError(field: "\(url.path):\(row.line): \(error.field)", message: error.message)
            }
        }
    }

    static func jsonRows(_ text: String, file: String) throws -> [Row] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("[") else { return [Row(line: 1, profile: decode(trimmed))] }
        guard let items = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else {
            throw ProfileError(field: file, message: "not a JSON array of profiles")
        }
        return rows(ofJSONArray: items)
    }

    /// The profiles of a parsed JSON array (a file's, or a request's `profiles`): `line` is the
    /// 1-based position, and an error's field starts with the index ("[2].terrain").
    public static func rows(ofJSONArray items: [Any]) -> [Row] {
        items.enumerated().map { index, item in
            let profile: Result<RegionProfile, ProfileError>
            if JSONSerialization.isValidJSONObject(item), let data = try? JSONSerialization.data(withJSONObject: item) {
                profile = decode(String(decoding: data, as: UTF8.self))
            } else {
                profile = .failure(ProfileError(field: "profile", message: "expected a JSON object"))
            }
            return Row(line: index + 1, profile: profile.mapError { ProfileError(field: "[\(index)].\($0.field)", message: $0.message) })
        }
    }

    static func jsonLineRows(_ text: String) -> [Row] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let content = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return content.isEmpty ? nil : Row(line: index + 1, profile: decode(content))
        }
    }

    private static func decode(_ json: String) -> Result<RegionProfile, ProfileError> {
        do { return .success(try RegionProfile.decode(Data(json.utf8))) } catch let error as ProfileError {
            return .failure(error)
        } catch {
            return .failure(ProfileError(field: "profile", message: "\(error)"))
        }
    }

    /// Columns are the profile's fields; lists (terrain, focus) separated by ; | 、 or spaces;
    /// booleans as true/false, 1/0, 是/否; an empty cell is an absent field.
    static func csvRows(_ text: String, file: String) throws -> [Row] {
        let csv: CSV<Enumerated>
        do { csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false) } catch {
            throw ProfileError(field: file, message: "not valid CSV: \(error)")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = header.first(where: { !columns.contains($0) }) {
            throw ProfileError(field: "\(file):1", message: "unknown column '\(unknown)' (columns: \(columns.joined(separator: ", ")))")
        }
        // A quoted cell may hold line breaks: count them to give each row its own line.
        var line = 2 + header.reduce(0) { $0 + $1.filter(\.isNewline).count }
        var rows: [Row] = []
        for cells in csv.rows {
            let start = line
            line += 1 + cells.reduce(0) { $0 + $1.filter(\.isNewline).count }
            guard cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            rows.append(Row(line: start, profile: Result { try profile(header: header, cells: cells) }.mapError { $0 as! ProfileError }))
        }
        return rows
    }

    static let columns = ["id", "name", "level", "province", "terrain", "economy", "ethnic_minority", "urbanization",
                          "population", "aging_share", "focus", "text"]

    private static func profile(header: [String], cells: [String]) throws -> RegionProfile {
        guard cells.count == header.count else {
            throw ProfileError(field: "row", message: "has \(cells.count) cells, the header has \(header.count)")
        }
        var profile = RegionProfile()
        for (column, raw) in zip(header, cells) {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { continue }
            switch column {
            case "id": profile.id = value
            case "name": profile.name = value
            case "level": profile.level = value
            case "province": profile.province = value
            case "economy": profile.economy = value
            case "urbanization": profile.urbanization = value
            case "text": profile.text = value
            case "terrain": profile.terrain = list(value)
            case "focus": profile.focus = list(value)
            case "ethnic_minority":
                switch value.lowercased() {
                case "true", "1", "yes", "是": profile.ethnicMinority = true
                case "false", "0", "no", "否": profile.ethnicMinority = false
                default: throw ProfileError(field: column, message: "expected true or false, found '\(value)'")
                }
            case "population":
                guard let number = Int(value) else { throw ProfileError(field: column, message: "expected an integer, found '\(value)'") }
                profile.population = number
            case "aging_share":
                guard let number = Double(value) else { throw ProfileError(field: column, message: "expected a number, found '\(value)'") }
                profile.agingShare = number
            default: break
            }
        }
        return profile
    }

    private static func list(_ value: String) -> [String] {
        value.split { ";|、，, ".contains($0) }.map(String.init)
    }
}
