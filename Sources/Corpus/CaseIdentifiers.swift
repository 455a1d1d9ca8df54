/// The one rule for the ids a case carries, whichever way it enters the corpus (`practiced
/// import` with `--source-id` or a file name, `POST /v1/cases` with raw text or case objects).
///
/// A source id names a file (`<source id>.jsonl` in the corpus directory), so it is checked
/// before anything is written: ASCII letters, digits, `-` and `_`, starting with a letter or a
/// digit, at most 64 characters — no `/`, no `..`, no empty name, nothing a shell or a file
/// system reads otherwise. A case id is `<source id>-<number>`, a practice id `<case id>-p<number>`.
public enum CaseIdentifiers {
    public static let maxSourceIdLength = 64

    /// What the rule asks, for messages.
    public static let sourceIdRule = "1 to \(maxSourceIdLength) ASCII letters, digits, - or _, starting with a letter or a digit"

    /// Why `sourceId` is refused, or nil when it is a valid source id.
    public static func problem(withSourceId sourceId: String) -> String? {
        let bytes = Array(sourceId.utf8)
        guard !bytes.isEmpty, bytes.count <= maxSourceIdLength, isLetterOrDigit(bytes[0]),
              bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            return "source id '\(sourceId)' is not valid: \(sourceIdRule)"
        }
        return nil
    }

    /// Why `caseId` is not `<sourceId>-<number>`, or nil when it is.
    public static func problem(withCaseId caseId: String, sourceId: String) -> String? {
        if let problem = problem(withSourceId: sourceId) { return problem }
        guard caseId.hasPrefix(sourceId + "-"), isNumber(caseId.utf8.dropFirst(sourceId.utf8.count + 1)) else {
            return "case id '\(caseId)' is not <source id>-<number> with source id '\(sourceId)'"
        }
        return nil
    }

    /// Why `practiceId` is not `<caseId>-p<number>`, or nil when it is.
    public static func problem(withPracticeId practiceId: String, caseId: String) -> String? {
        guard practiceId.hasPrefix(caseId + "-p"), isNumber(practiceId.utf8.dropFirst(caseId.utf8.count + 2)) else {
            return "practice id '\(practiceId)' is not <case id>-p<number> with case id '\(caseId)'"
        }
        return nil
    }

    /// Why `record` cannot enter the corpus (its source id, its id, a practice's id, with the
    /// field that holds it), or nil when every id follows the rule.
    public static func problem(with record: CaseRecord) -> (field: String, message: String)? {
        if let problem = problem(withSourceId: record.source.id) { return ("source.id", problem) }
        if let problem = problem(withCaseId: record.id, sourceId: record.source.id) { return ("id", problem) }
        for (index, practice) in record.practices.enumerated() {
            if let problem = problem(withPracticeId: practice.id, caseId: record.id) { return ("practices[\(index)].id", problem) }
        }
        return nil
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isNumber(_ digits: Substring.UTF8View) -> Bool {
        !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
