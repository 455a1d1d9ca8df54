import Answers
import ArgumentParser
import Corpus
import EngineLoading
import Foundation
import Importer
import Regions

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import case collections (text from PDFs or Word files) into the corpus.",
        discussion: """
            Each document becomes one JSON Lines file, <source id>.jsonl, in the corpus directory \
            (or in --out). Nothing is written unless every document imports: a document that \
            cannot be read, has no recognisable case, or would duplicate case ids already in \
            the corpus stops the import with the file and line, and leaves the corpus as it was.

            The review lists every case: number, id, source line, title, region and level, \
            practices and the first of them, and what was guessed (a region read from the body, \
            an institution placed by its text, a title with no break found). Check it against \
            the document; --dry-run shows it without writing.
            """
    )

    @Argument(help: "Documents to import (UTF-8 or GB18030/GBK text).")
    var files: [String]

    @Option(name: .long, help: "Source id for the case ids (default: from the file name, 000_<hash>.txt → 000). One file only.")
    var sourceId: String?

    @Option(name: .long, help: "Document title, where the document does not give it.")
    var title: String?

    @Option(name: .long, help: "Issuer of the document.")
    var issuer: String?

    @Option(name: .long, help: "Year of the document.")
    var year: Int?

    @Option(name: .long, help: "Where to write: a directory (one <source id>.jsonl per document), a .jsonl file (cases appended), or - for standard output. Default: the corpus directory.")
    var out: String?

    @Flag(name: .long, help: "Replace the corpus file of a source that was imported before, instead of refusing duplicate ids.")
    var replace = false

    @Option(name: .long, help: "The import review: text (two lines per case) or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Read the documents and print the review, but write nothing (and check no ids against the corpus).")
    var dryRun = false

    @OptionGroup var configOption: ConfigOption

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one document to import") }
        if sourceId != nil && files.count > 1 {
            throw ValidationError("--source-id names one document; import the files one at a time")
        }
        if let sourceId, let problem = CaseIdentifiers.problem(withSourceId: sourceId) {
            throw ValidationError("--source-id: \(problem)")
        }
    }

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            guard settings.importMaxBytes > 0 else {
                throw SettingsValueError(key: "import.max_bytes", message: "\(settings.importMaxBytes) is not a size in bytes")
            }
            let importer = try Importer(
                rules: try ImportRules.load(from: settings.importRulesFile),
                divisionsDirectory: settings.divisionsDirectory,
                maxBytes: settings.importMaxBytes)
            let options = ImportOptions(sourceId: sourceId, title: title, issuer: issuer, year: year)

            var documents: [ImportedDocument] = []
            for file in files {
                let url = URL(fileURLWithPath: file)
                let data = try SourceFile.contents(of: file, maxBytes: importer.maxBytes)
                documents.append(try importer.importDocument(data, fileName: url.lastPathComponent, path: file, options: options))
            }

            let target = ImportTarget(out: out, corpusDirectory: settings.corpusDirectory)
            // A dry run reviews what was read; whether the corpus would take it is the import's check.
            let writes = dryRun ? [] : try target.plan(documents, files: files, replace: replace)
            // The review goes to standard output, unless the cases themselves do.
            let toStandardOutput = target == .standardOutput && !dryRun
            switch format {
            case .text:
                for (document, file) in zip(documents, files) {
                    for warning in document.warnings { printError("warning: \(warning)") }
                    report(ImportReview.text(document, file: file), toStandardError: toStandardOutput)
                }
            case .json:
                let review = String(decoding: try ImportReview.json(documents, files: files), as: UTF8.self)
                report(review, toStandardError: toStandardOutput)
            }
            if dryRun { return }
            for write in writes {
                if toStandardOutput {
                    FileHandle.standardOutput.write(write.data)
                } else {
                    try CorpusFiles.writeAtomically(write.data, to: write.url)
                    report("wrote \(write.url.path)", toStandardError: false)
                }
            }
        }
    }

    private func report(_ line: String, toStandardError: Bool) {
        if toStandardError { printError(line) } else { print(line) }
    }
}

/// Where imported cases go, and the checks that keep an existing corpus whole.
enum ImportTarget: Equatable {
    case standardOutput
    case directory(URL)
    case file(URL)

    init(out: String?, corpusDirectory: URL) {
        switch out {
        case nil: self = .directory(corpusDirectory)
        case "-": self = .standardOutput
        case let path? where path.hasSuffix(".jsonl"): self = .file(URL(fileURLWithPath: path))
        case let path?: self = .directory(URL(fileURLWithPath: path))
        }
    }

    struct Write {
        let url: URL
        let data: Data
    }

    /// The files to write, after checking that no case id is already taken (in the batch, or
    /// in corpus files that stay). Nothing is written by this function.
    func plan(_ documents: [ImportedDocument], files: [String], replace: Bool) throws -> [Write] {
        var taken: [String: String] = [:]  // id → where it is
        func claim(_ record: CaseRecord, at place: String, line: Int) throws {
            if let existing = taken[record.id] {
                throw ImportError(file: place, line: line, reason: .duplicateId(id: record.id, existing: existing))
            }
            taken[record.id] = place
        }
        var keptCases: [CaseRecord] = []
        switch self {
        case .standardOutput:
            break
        case .directory(let directory):
            let replaced = Set(documents.map { "\($0.source.id).jsonl" })
            for file in try CorpusFiles.files(in: directory) where !(replace && replaced.contains(file.lastPathComponent)) {
                for (index, record) in try CorpusFiles.readFile(file).enumerated() {
                    taken[record.id] = "\(file.path):\(index + 1)"
                }
            }
        case .file(let url):
            if !replace && FileManager.default.fileExists(atPath: url.path) {
                keptCases = try CorpusFiles.readFile(url)
                for (index, record) in keptCases.enumerated() { taken[record.id] = "\(url.path):\(index + 1)" }
            }
        }
        for (document, file) in zip(documents, files) {
            for record in document.cases {
                try claim(record, at: file, line: document.lineOfCase[record.id] ?? 1)
            }
        }
        switch self {
        case .standardOutput:
            return [Write(url: URL(fileURLWithPath: "/dev/stdout"), data: try CorpusFiles.encodeLines(documents.flatMap(\.cases)))]
        case .directory(let directory):
            return try documents.map {
                Write(url: try CorpusFiles.file(forSource: $0.source.id, in: directory), data: try CorpusFiles.encodeLines($0.cases))
            }
        case .file(let url):
            return [Write(url: url, data: try CorpusFiles.encodeLines(keptCases + documents.flatMap(\.cases)))]
        }
    }
}
