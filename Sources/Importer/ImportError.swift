/// Why a document cannot be imported, with the file and (where it applies) the line.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case empty
        case binary
        case undecodable
        case noCase
        /// A case begins (a region line, a table row) but nothing of it follows: no title, no text.
        case emptyCase
        case duplicateId(id: String, existing: String)
        case unreadable(String)
        /// The source id (given, or taken from the file name) breaks `CaseIdentifiers`' rule.
        case invalidSourceId(String)
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
        case .undecodable:
            return "\(place): the text is neither UTF-8 nor GB18030/GBK; convert it to UTF-8"
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
        }
    }
}
