import Foundation

/// A horizontal bar chart's geometry (the template draws it as inline SVG): one row per
/// label, bars scaled to the largest count.
public struct BarChart: Sendable, Encodable {
    public struct Bar: Sendable, Encodable {
        public let label: String
        public let count: Int
        /// Top of the row, bar length, and where the count is written, in SVG user units.
        public let y, width, textY, countX: Int
    }
    public let title: String
    public let bars: [Bar]
    public let width, height: Int
    public let isEmpty: Bool

    static let rowHeight = 26, labelWidth = 170, barSpace = 260

    /// Counts of labels, largest first (ties: the order the labels first came in).
    init(title: String, labels: [String]) {
        var counts: [(label: String, count: Int)] = []
        for label in labels {
            if let index = counts.firstIndex(where: { $0.label == label }) { counts[index].count += 1 } else { counts.append((label, 1)) }
        }
        let ordered = counts.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        let largest = max(ordered.first?.count ?? 1, 1)
        self.title = title
        bars = ordered.enumerated().map { row, entry in
            let length = max(entry.count * Self.barSpace / largest, 2)
            return Bar(label: entry.label, count: entry.count, y: row * Self.rowHeight + 4, width: length,
                       textY: row * Self.rowHeight + 19, countX: Self.labelWidth + length + 6)
        }
        width = Self.labelWidth + Self.barSpace + 40
        height = max(bars.count * Self.rowHeight + 8, 30)
        isEmpty = bars.isEmpty
    }
}

/// All cases placed by their first two LSA dimensions, the recommended ones marked (the
/// template draws the points as inline SVG; each carries its case's title as a tooltip).
public struct CaseMap: Sendable, Encodable {
    public struct Point: Sendable, Encodable {
        public let x, y: String
        public let recommended: Bool
        public let caseId, title: String
    }
    public let points: [Point]
    public let width, height: Int

    static let size = 420, margin = 16

    /// `coordinates`: each case's first two LSA components, in case order.
    init(coordinates: [(Double, Double)], caseIds: [String], titles: [String], recommended: Set<String>) {
        let xs = coordinates.map(\.0), ys = coordinates.map(\.1)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 1), (minY, maxY) = (ys.min() ?? 0, ys.max() ?? 1)
        let span = Double(Self.size - 2 * Self.margin)
        func scale(_ value: Double, _ low: Double, _ high: Double) -> Double {
            high > low ? (value - low) / (high - low) * span + Double(Self.margin) : Double(Self.size) / 2
        }
        // Unmarked first, so that the marked points are drawn on top.
        let order = coordinates.indices.sorted { (recommended.contains(caseIds[$0]) ? 1 : 0, $0) < (recommended.contains(caseIds[$1]) ? 1 : 0, $1) }
        points = order.map { index in
            Point(x: String(format: "%.1f", scale(xs[index], minX, maxX)),
                  // SVG's y grows downwards.
                  y: String(format: "%.1f", Double(Self.size) - scale(ys[index], minY, maxY)),
                  recommended: recommended.contains(caseIds[index]), caseId: caseIds[index], title: titles[index])
        }
        width = Self.size
        height = Self.size
    }
}
