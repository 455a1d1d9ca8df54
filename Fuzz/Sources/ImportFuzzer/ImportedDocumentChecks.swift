import Corpus
import Foundation
import FuzzSupport
import Importer

/// What README.md promises of an imported document: at least one case; ids `<source id>-NN`,
/// unique, practices `<case id>-pN` (CaseIdentifiers' rule); each case's line in the file;
/// some text in every case; and cases that the corpus writes and reads back unchanged.
func checkImported(_ document: ImportedDocument, lines: Int) {
    expect(!document.cases.isEmpty, "a document that imports has cases")
    expect(Set(document.cases.map(\.id)).count == document.cases.count, "case ids are unique: \(document.cases.map(\.id))")
    for record in document.cases {
        expect(record.id == String(format: "fuzz-%02ld", record.ordinal), "id \(record.id) is the source id and the ordinal \(record.ordinal)")
        expect(CaseIdentifiers.problem(with: record) == nil, "case \(record.id) follows the id rule: \(String(describing: CaseIdentifiers.problem(with: record)))")
        expect(record.source.id == "fuzz" && record.source.file == "fuzz.txt", "the source is the file: \(record.source)")
        for (index, practice) in record.practices.enumerated() {
            expect(practice.id == "\(record.id)-p\(index + 1)", "practice id \(practice.id) in \(record.id)")
        }
        let line = document.lineOfCase[record.id]
        expect(line.map { (1...lines).contains($0) } == true, "case \(record.id) starts on a line of the file (\(String(describing: line)))")
        expect(!record.text.allSatisfy(\.isWhitespace), "case \(record.id) has text")
    }
    expect(readBack(document.cases) == document.cases, "the cases read back from corpus lines as they were written")
}
