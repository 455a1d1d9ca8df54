import Foundation
@testable import Importer
import Regions

/// The project root, found from this file's path (Tests/ImporterTests/…).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = projectRoot.appendingPathComponent("Tests/ImporterTests/Fixtures")

/// One importer for the whole suite, on the shipped configuration.
let importer: Importer = {
    let config = projectRoot.appendingPathComponent("config")
    return try! Importer(
        rules: try! ImportRules.load(from: config.appendingPathComponent("import-rules.json")),
        divisionsDirectory: config.appendingPathComponent("divisions"))
}()

func importFixture(_ relativePath: String, options: ImportOptions = ImportOptions()) throws -> ImportedDocument {
    let url = fixtures.appendingPathComponent(relativePath)
    return try importer.importDocument(Data(contentsOf: url), fileName: url.lastPathComponent, options: options)
}

func importSeed(_ name: String) throws -> ImportedDocument {
    let url = projectRoot.appendingPathComponent("Models/sources").appendingPathComponent(name)
    return try importer.importDocument(Data(contentsOf: url), fileName: name)
}

let seedFiles = ["000_fec52221f5d9a716.txt", "001_2c0caaffe9a8f491.txt", "002_2981d96b5dd7e7bf.txt", "003_4a8c5636681108ed.txt"]

/// Spaces are not part of the wording: compare texts without them.
func squeezed(_ text: String?) -> String { (text ?? "").filter { !$0.isWhitespace } }
