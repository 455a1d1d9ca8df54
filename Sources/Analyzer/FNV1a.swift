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

    /// A file's bytes, eight at a time (FNV's multiply on 64-bit words, each product folded
    /// onto itself so that high bits reach low ones; both steps are bijections, so a changed
    /// word always changes the value): a byte at a time was a sixth of a 50,000-case start.
    /// The tail shorter than a word goes byte by byte.
    public mutating func mix(_ data: Data) {
        var value = self.value
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                value = (value ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x100_0000_01B3
                value ^= value >> 32
            }
            for byte in raw[(words * 8)...] {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01B3
            }
        }
        self.value = value
    }
}
