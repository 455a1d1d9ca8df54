import Corpus
import Foundation

/// The container of the engine's saved stages (`features.stage`; the layout of `lsa.model`):
/// little-endian, versioned, checksummed, tied to the inputs it was computed from.
///
///     magic (8 ASCII bytes) · format version (UInt32) · section count (UInt32)
///     fingerprint (UInt64) · checksum of everything after the header (UInt64)
///     sections, each: name (4 ASCII bytes) · byte length (UInt64) · payload
///
/// Payloads are UTF-8 lines, or arrays of little-endian Int64, Int32 or Double. Written by
/// hand: no package here reads and writes flat numeric arrays without a copy per element,
/// and the stage is read at every start.
public enum SectionFile {
    public struct Writer {
        private var sections: [(name: String, payload: Data)] = []

        public init() {}

        public mutating func add(_ name: String, lines: [String]) {
            append(name, Data(lines.joined(separator: "\n").utf8))
        }

        public mutating func add(_ name: String, integers: [Int]) {
            append(name, integers.map { Int64($0).littleEndian }.withUnsafeBytes { Data($0) })
        }

        public mutating func add(_ name: String, int32s: [Int32]) {
            // Closures, not key paths: `map(\.littleEndian)` went through the key path machinery
            // per element (a third of writing a 50,000-case stage).
            append(name, int32s.map { $0.littleEndian }.withUnsafeBytes { Data($0) })
        }

        public mutating func add(_ name: String, doubles: [Double]) {
            append(name, doubles.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) })
        }

        private mutating func append(_ name: String, _ payload: Data) {
            precondition(name.utf8.count == 4, "a section name is 4 ASCII bytes")
            sections.append((name, payload))
        }

        public func data(magic: String, version: UInt32, fingerprint: UInt64) -> Data {
            precondition(magic.utf8.count == 8, "the magic is 8 ASCII bytes")
            var body = Data()
            body.reserveCapacity(sections.reduce(0) { $0 + 12 + $1.payload.count })
            for (name, payload) in sections {
                body.append(contentsOf: Array(name.utf8))
                withUnsafeBytes(of: UInt64(payload.count).littleEndian) { body.append(contentsOf: $0) }
                body.append(payload)
            }
            var data = Data(magic.utf8)
            withUnsafeBytes(of: version.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(sections.count).littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: fingerprint.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: SectionFile.checksum(body).littleEndian) { data.append(contentsOf: $0) }
            data.append(body)
            return data
        }
    }

    /// A file read and checked: its sections by name. Every refusal names the file and says why.
    public struct Reader {
        public let fingerprint: UInt64
        private let data: Data
        private let sections: [String: Range<Int>]
        private let path: String

        static let headerSize = 32

        /// Refuses a file of another kind or version, a damaged one, or (when
        /// `expectedFingerprint` is given) one computed from other inputs.
        public init(_ data: Data, path: String, magic: String, version: UInt32, expectedFingerprint: UInt64? = nil,
                    rebuild: String = "rebuild with `practiced build`") throws {
            self.path = path
            // Offsets below count from 0: a slice is copied to a fresh Data first (a file read or
            // mapped whole already starts at 0, and is not copied).
            let data = data.startIndex == 0 ? data : data.withUnsafeBytes { Data($0) }
            func fail(_ reason: String) -> SectionFileError { SectionFileError(path: path, reason: reason) }
            guard data.count >= Self.headerSize, data.prefix(8) == Data(magic.utf8) else { throw fail("not a practiced \(magic) file (bad magic)") }
            let found = Self.load(UInt32.self, data, at: 8)
            guard found == version else { throw fail("format version \(found), this practiced reads version \(version); \(rebuild)") }
            let count = Int(Self.load(UInt32.self, data, at: 12))
            fingerprint = Self.load(UInt64.self, data, at: 16)
            guard SectionFile.checksum(data[Self.headerSize...]) == Self.load(UInt64.self, data, at: 24) else {
                throw fail("checksum mismatch: the file is damaged; \(rebuild)")
            }
            if let expectedFingerprint, expectedFingerprint != fingerprint {
                throw fail("built from other inputs (corpus, configuration or lexicon changed); \(rebuild)")
            }
            var sections: [String: Range<Int>] = [:]
            var offset = Self.headerSize
            for _ in 0..<count {
                guard offset + 12 <= data.count else { throw fail("truncated section header at byte \(offset)") }
                let name = String(decoding: data[offset..<(offset + 4)], as: UTF8.self)
                let length = Self.load(UInt64.self, data, at: offset + 4)
                offset += 12
                guard length <= UInt64(data.count - offset) else { throw fail("section \(name) runs past the end of the file") }
                sections[name] = offset..<(offset + Int(length))
                offset += Int(length)
            }
            guard offset == data.count else { throw fail("\(data.count - offset) bytes after the last section") }
            self.data = data
            self.sections = sections
        }

        private static func load<T: FixedWidthInteger>(_ type: T.Type, _ data: Data, at offset: Int) -> T {
            data.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }

        public func fail(_ reason: String) -> SectionFileError { SectionFileError(path: path, reason: reason) }

        private func section(_ name: String) throws -> Range<Int> {
            guard let range = sections[name] else { throw fail("section \(name) is missing") }
            return range
        }

        /// The section's lines, cut at LF on the raw bytes (`CorpusFiles.lineRanges`; `String.split`
        /// was a seventh of a 50,000-case start-up).
        public func lines(_ name: String, count: Int) throws -> [String] {
            let range = try section(name)
            let section = data[range]
            let values = count == 0 ? [] : CorpusFiles.lineRanges(of: section).map { String(decoding: section[$0], as: UTF8.self) }
            guard values.count == count else { throw fail("section \(name) has \(values.count) entries, expected \(count)") }
            return values
        }

        /// `count` little-endian values of `T`'s width, read in one pass over the bytes.
        private func words<T: FixedWidthInteger>(_ name: String, count: Int, as type: T.Type) throws -> [T] {
            let range = try section(name), width = MemoryLayout<T>.size
            guard range.count == count * width else { throw fail("section \(name) has \(range.count) bytes, expected \(count * width)") }
            return data.withUnsafeBytes { raw in
                [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for index in 0..<count {
                        buffer[index] = T(littleEndian: raw.loadUnaligned(fromByteOffset: range.lowerBound + index * width, as: T.self))
                    }
                    initialized = count
                }
            }
        }

        public func integers(_ name: String, count: Int) throws -> [Int] {
            try words(name, count: count, as: Int64.self).map { Int($0) }
        }

        public func int32s(_ name: String, count: Int) throws -> [Int32] {
            try words(name, count: count, as: Int32.self)
        }

        public func doubles(_ name: String, count: Int) throws -> [Double] {
            try words(name, count: count, as: UInt64.self).map(Double.init(bitPattern:))
        }
    }

    /// FNV-1a over 8-byte words (and the tail bytes): cheap, and any flipped bit changes it.
    public static func checksum(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = hash &* 0x100_0000_01B3
                hash ^= hash >> 32
            }
            for index in (words * 8)..<raw.count {
                hash ^= UInt64(raw[index])
                hash = hash &* 0x100_0000_01B3
            }
        }
        return hash
    }
}

public struct SectionFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): refused: \(reason)" }
}
