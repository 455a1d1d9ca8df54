import Foundation

/// FNV-1a, 64 bits: a cheap fingerprint of what a cache or a model was made from (file names,
/// sizes, dates, contents). Not cryptographic: it tells "the same inputs" from "changed".
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01B3
        }
    }

    public mutating func mix(_ text: String) { mix(text.utf8) }

    /// The same hash over a file's bytes, from its buffer (iterating `Data` as a sequence was
    /// a tenth of a 5,000-case start-up).
    public mutating func mix(_ data: Data) {
        var value = self.value
        data.withUnsafeBytes { raw in
            for byte in raw {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01B3
            }
        }
        self.value = value
    }
}
