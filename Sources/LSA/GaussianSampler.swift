import Foundation

/// Standard normal numbers from a seed, the same on every machine: SplitMix64 for uniform bits,
/// Box–Muller for the normal pairs. (Swift's SystemRandomNumberGenerator cannot be seeded.)
public struct GaussianSampler: Sendable {
    private var state: UInt64
    private var spare: Double?

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func nextUniform() -> Double {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / Double(1 << 53)  // in (0, 1)
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
