import Foundation
import SwiftCSV

/// China's administrative divisions (NBS table, `config/divisions/*.csv`): provinces,
/// prefectures, county-level units and townships/streets, linked by their codes.
public struct DivisionTable: Sendable {
    public struct Unit: Sendable, Hashable {
        public enum Kind: Int, Sendable, Comparable {
            case province = 0, prefecture, county, township
            public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }
        public let kind: Kind
        public let code: String
        public let name: String
        /// Code of the enclosing unit (nil for provinces). For a county directly under a
        /// province or a municipality this is the placeholder city (市辖区/县/省直辖…).
        public let parentCode: String?
    }

    public private(set) var units: [String: Unit] = [:]

    /// Rows of cities.csv that are placeholders, not prefectures: a municipality's 市辖区/县,
    /// a province's 省直辖县级行政区划. Their counties have no prefecture.
    static let placeholderCityNames: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]

    public init(directory: URL, includeTownships: Bool = true) throws {
        func rows(_ file: String) throws -> [[String]] {
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw RegionError.missingTable(path: url.path)
            }
            var result: [[String]] = []
            let csv = try CSV<Enumerated>(url: url, delimiter: .comma, loadColumns: false)
            result = csv.rows
            return result
        }
        for row in try rows("provinces.csv") where row.count >= 2 {
            add(Unit(kind: .province, code: row[0], name: row[1], parentCode: nil))
        }
        for row in try rows("cities.csv") where row.count >= 3 {
            add(Unit(kind: .prefecture, code: row[0], name: row[1], parentCode: row[2]))
        }
        for row in try rows("areas.csv") where row.count >= 3 {
            add(Unit(kind: .county, code: row[0], name: row[1], parentCode: row[2]))
        }
        if includeTownships {
            for row in try rows("streets.csv") where row.count >= 3 {
                add(Unit(kind: .township, code: row[0], name: row[1], parentCode: row[2]))
            }
        }
    }

    private mutating func add(_ unit: Unit) {
        units[unit.code] = unit
    }

    public func parent(of unit: Unit) -> Unit? {
        unit.parentCode.flatMap { units[$0] }
    }

    /// The province, prefecture (nil under a municipality or for a county directly under a
    /// province) and county that contain `unit`, `unit` included.
    public func chain(of unit: Unit) -> (province: Unit?, prefecture: Unit?, county: Unit?, township: Unit?) {
        var province: Unit?, prefecture: Unit?, county: Unit?, township: Unit?
        var current: Unit? = unit
        while let this = current {
            switch this.kind {
            case .province: province = this
            case .prefecture: if !Self.placeholderCityNames.contains(this.name) { prefecture = this }
            case .county: county = this
            case .township: township = this
            }
            current = parent(of: this)
        }
        return (province, prefecture, county, township)
    }

    public func isPlaceholder(_ unit: Unit) -> Bool {
        unit.kind == .prefecture && Self.placeholderCityNames.contains(unit.name)
    }

    /// True when `inner` lies inside `outer` (or is it).
    public func contains(_ outer: Unit, _ inner: Unit) -> Bool {
        var current: Unit? = inner
        while let this = current {
            if this.code == outer.code { return true }
            current = parent(of: this)
        }
        return false
    }
}

public enum RegionError: Error, CustomStringConvertible {
    case missingTable(path: String)
    case badFact(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingTable(let path): return "\(path): not found (the region tables live in config/)"
        case .badFact(let path, let line, let reason): return "\(path):\(line): \(reason)"
        }
    }
}
