import Foundation

/// Reads and writes the corpus: JSON Lines files, one case per line, in a directory
/// (`Models/corpus/`), one file per source document (`<source id>.jsonl`).
public enum CorpusFiles {
    /// The encoder for corpus lines. Keys are sorted (JSONEncoder's own order follows hashing,
    /// which changes from run to run), so the same cases always give the same bytes.
    public static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One JSON object per line, each line ending in "\n".
    public static func encodeLines(_ cases: [CaseRecord]) throws -> Data {
        let encoder = lineEncoder()
        var data = Data()
        for record in cases {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return data
    }

    /// Decodes a JSONL file; an error names the file and line.
    public static func readFile(_ url: URL) throws -> [CaseRecord] {
        try decodeLines(of: url, as: CaseRecord.self).lines.map(\.value)
    }

    /// Each case line's id and bytes, the rest of the line not decoded (an edit checks ids and
    /// keeps the other lines' bytes as they are, so that their analysis is kept too); with the
    /// file's bytes. An error names the file and line.
    public static func lineIds(of url: URL) throws -> (data: Data, lines: [(value: String, range: Range<Int>)]) {
        struct Identified: Decodable { let id: String }
        let (data, lines) = try decodeLines(of: url, as: Identified.self)
        return (data, lines.map { ($0.value.id, $0.range) })
    }

    /// The non-blank lines of a JSONL file decoded as `Value`, with their byte ranges; an
    /// error names the file and the first bad line.
    static func decodeLines<Value: Decodable & Sendable>(of url: URL, as: Value.Type) throws -> (data: Data, lines: [(value: Value, range: Range<Int>)]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CorpusError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        // The lines decoded on every core, in chunks, each chunk's values (or its first bad
        // line) kept in order: decoding is most of reading a large corpus, and lines share nothing.
        let lines = Array(lineRanges(of: data).enumerated())
        let decoded = ChunkedWork.map(lines, chunkSize: 512) { chunk -> Result<[(value: Value, range: Range<Int>)], CorpusError> in
            let decoder = JSONDecoder()
            var values: [(value: Value, range: Range<Int>)] = []
            for (index, line) in chunk where !isBlank(data[line]) {
                do {
                    values.append((try decoder.decode(Value.self, from: data.subdata(in: line)), line))
                } catch {
                    return .failure(CorpusError.badLine(path: url.path, line: index + 1, reason: describe(error)))
                }
            }
            return .success(values)
        }
        // The first bad line of the file, as reading it in order would find it.
        return (data, try decoded.flatMap { try $0.get() })
    }

    /// Where each case of a corpus directory's files (mapped, in `files(in:)` order) lies: its
    /// file's position and its line's bytes, in the order `readDirectory` reads them.
    public static func caseLines(in files: [Data]) -> [CaseLine] {
        files.enumerated().flatMap { index, data in
            lineRanges(of: data).filter { !isBlank(data[$0]) }.map {
                CaseLine(file: index, range: ($0.lowerBound - data.startIndex)..<($0.upperBound - data.startIndex))
            }
        }
    }

    /// Files mapped into memory (read only when touched), an error naming the one that cannot be.
    public static func mapped(_ urls: [URL]) throws -> [Data] {
        try urls.map { url in
            do {
                return try Data(contentsOf: url, options: .alwaysMapped)
            } catch {
                throw CorpusError.unreadable(path: url.path, reason: error.localizedDescription)
            }
        }
    }

    /// A line of spaces, tabs or a CR only: no case (skipped where cases are read).
    public static func isBlank(_ line: Data) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
    }

    /// The byte ranges of the lines of `data` (without their LF; a last line without one
    /// counts), found on the raw buffer: `Data.split` was a quarter of a 5,000-case start-up.
    public static func lineRanges(of data: Data) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        data.withUnsafeBytes { raw in
            var start = 0
            for index in 0..<raw.count where raw[index] == 0x0A {
                ranges.append((data.startIndex + start)..<(data.startIndex + index))
                start = index + 1
            }
            ranges.append((data.startIndex + start)..<(data.startIndex + raw.count))
        }
        return ranges
    }

    /// The file that holds a source's cases: `<source id>.jsonl` directly in `directory`. A source
    /// id outside `CaseIdentifiers`' rule is refused here too, so that no way of adding cases can
    /// name a file elsewhere (`../x`, `/abs`, an empty name).
    public static func file(forSource sourceId: String, in directory: URL) throws -> URL {
        if let problem = CaseIdentifiers.problem(withSourceId: sourceId) { throw CorpusError.invalidId(problem) }
        return directory.appendingPathComponent("\(sourceId).jsonl")
    }

    /// The `.jsonl` files of a corpus directory, in name order.
    public static func files(in directory: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Every case of the corpus directory, file by file in name order; ids must be unique.
    public static func readDirectory(_ directory: URL) throws -> [CaseRecord] {
        var all: [CaseRecord] = []
        var seen: [String: String] = [:]
        for file in try files(in: directory) {
            for record in try readFile(file) {
                if let other = seen[record.id] {
                    throw CorpusError.duplicateId(id: record.id, first: other, second: file.path)
                }
                seen[record.id] = file.path
                all.append(record)
            }
        }
        return all
    }

    /// Writes `data` to `url` so that a reader (or a crash) sees the old file or the new one,
    /// never a part: temporary file in the same directory, fsync, rename, fsync of the directory.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CorpusError.unwritable(path: temporary.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary.path)
            throw CorpusError.unwritable(path: url.path, reason: failure)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CorpusError.unwritable(path: url.path, reason: reason)
        }
        let dirFd = open(directory.path, O_RDONLY)
        if dirFd >= 0 {
            fsync(dirFd)
            close(dirFd)
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at \"\(path)\": \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): return "not valid JSON: \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}

public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case badLine(path: String, line: Int, reason: String)
    case duplicateId(id: String, first: String, second: String)
    case unwritable(path: String, reason: String)
    case invalidId(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .badLine(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .duplicateId(let id, let first, let second): return "case id \(id) appears in both \(first) and \(second)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .invalidId(let problem): return problem
        }
    }
}
