/// Why a document cannot be imported, with the file and (where it applies) the line.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case empty
        case binary
        /// The first byte neither UTF-8 nor GB18030 can read: its offset in the file (from 0),
        /// its value, and the file's size.
        case undecodable(offset: Int, byte: UInt8, size: Int)
        case noCase
        /// A case begins (a region line, a table row) but nothing of it follows: no title, no text.
        case emptyCase
        case duplicateId(id: String, existing: String)
        case unreadable(String)
        /// The source id (given, or taken from the file name) breaks `CaseIdentifiers`' rule.
        case invalidSourceId(String)
        case notFound
        case notRegularFile(FileKind)
        /// A document over `import.max_bytes`, refused before it is read whole.
        case tooLarge(size: Int, limit: Int)
    }

    /// What a path that is not a regular file is.
    public enum FileKind: Equatable, Sendable {
        case directory, namedPipe, socket, device, other
    }

    public let file: String
    public let line: Int?
    public let reason: Reason

    public init(file: String, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch reason {
        case .empty:
            return "\(place): the file is empty; expected a case collection as text"
        case .binary:
            return "\(place): this is a binary file, not text; export the document as UTF-8 text first"
        case .undecodable(let offset, let byte, let size):
            let hex = String(byte, radix: 16, uppercase: true)
            return "\(place): the byte at offset \(offset) (0x\(hex.count == 1 ? "0" : "")\(hex), of \(size) bytes) is part of no UTF-8 or GB18030/GBK character: a character cut short or damaged, or another encoding; convert the file to UTF-8"
        case .noCase:
            return "\(place): no recognisable case; expected numbered cases (…案例一), title lines with a ——region line, or a table with region and 典型经验 columns"
        case .emptyCase:
            return "\(place): a case begins here (a region line or a table row) but has no title and no text; complete the case or remove the line"
        case .duplicateId(let id, let existing):
            return "\(place): case id \(id) is already in \(existing); give another --source-id or remove the old file"
        case .unreadable(let why):
            return "\(place): cannot read: \(why)"
        case .invalidSourceId(let problem):
            return "\(place): \(problem); give one with --source-id"
        case .notFound:
            return "\(place): no such file"
        case .notRegularFile(let kind):
            return "\(place): \(Self.explain(kind, file: file))"
        case .tooLarge(let size, let limit):
            return "\(place): the document is \(Self.size(size)), over the import limit of \(Self.size(limit)); "
                + "split the collection, or raise import.max_bytes in config/practiced.yaml (or IMPORT_MAX_BYTES)"
        }
    }

    private static func explain(_ kind: FileKind, file: String) -> String {
        switch kind {
        case .directory:
            let directory = file.hasSuffix("/") ? String(file.dropLast()) : file
            return "this is a directory, not a file; give the documents in it (\(directory)/*.txt)"
        case .namedPipe:
            return "this is a named pipe (FIFO), not a regular file; import reads files only (a pipe may wait for a writer forever): save the text to a file first"
        case .socket:
            return "this is a socket, not a regular file; import reads text files only"
        case .device:
            return "this is a device, not a regular file; import reads text files only"
        case .other:
            return "this is not a regular file; import reads text files only"
        }
    }

    /// 1000 bytes, 209715200 bytes (200.0 MiB).
    private static func size(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\(bytes) bytes" : "\(bytes) bytes (" + String(format: "%.1f MiB", Double(bytes) / 1_048_576) + ")"
    }
}
