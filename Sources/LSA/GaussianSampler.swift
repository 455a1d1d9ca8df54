import Features
import Foundation

/// Standard normal numbers from a seed, the same on every machine: SplitMix64 for uniform bits,
/// Box–Muller for the normal pairs.
public struct GaussianSampler: Sendable {
    private var bits: SplitMix64
    private var spare: Double?

    public init(seed: UInt64) {
        bits = SplitMix64(seed: seed)
    }

    /// Uniform in (0, 1): never 0, so that its logarithm is finite.
    public mutating func nextUniform() -> Double {
        (Double(bits.next() >> 11) + 0.5) / Double(1 << 53)
    }

    public mutating func next() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let radius = (-2 * log(nextUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        spare = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A rows×columns matrix of independent standard normal entries.
    public mutating func matrix(rows: Int, columns: Int) -> RowMajorMatrix {
        RowMajorMatrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in next() })
    }
}
