import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Paths `practiced import` cannot take are refused saying what the path is, before anything is
/// read; a document over `import.max_bytes` is refused naming its size and the limit.
@Suite struct ImportRefusalTests {
    @Test func aDocumentOverTheSizeLimitIsRefusedWithItsSizeTheLimitAndTheKey() throws {
        let out = try temporaryDirectory()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: seeds[0])[.size] as? Int)
        let result = try practiced(["import", seeds[0], "--out", out.path], environment: ["IMPORT_MAX_BYTES": "\(size - 1)"])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(seeds[0]): the document is \(size) bytes, over the import limit of \(size - 1) bytes"), "\(result.errors)")
        #expect(result.errors.contains("import.max_bytes"))
        #expect(try snapshot(out).isEmpty)
        // At the limit it imports.
        #expect(try practiced(["import", seeds[0], "--out", "-"], environment: ["IMPORT_MAX_BYTES": "\(size)"]).status == 0)
    }

    @Test func aDirectoryIsNamedAsOne() throws {
        let directory = try temporaryDirectory()
        let result = try practiced(["import", directory.path, "--out", "-"])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(directory.path): this is a directory, not a file; give the documents in it (\(directory.path)/*.txt)"), "\(result.errors)")
    }

    @Test func aNamedPipeIsRefusedAtOnceWithoutWaitingForAWriter() throws {
        let fifo = try temporaryDirectory().appendingPathComponent("cases.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Should the importer wait on the pipe, a writer that comes and goes after 20 s ends the
        // wait (and the test fails on the time) instead of hanging the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) {
            let fd = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let started = Date()
        let result = try practiced(["import", fifo.path, "--out", "-"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status != 0)
        #expect(result.errors.contains("\(fifo.path): this is a named pipe (FIFO), not a regular file"), "\(result.errors)")
    }

    @Test func aMissingFileIsNamedMissing() throws {
        let missing = try temporaryDirectory().appendingPathComponent("nothing.txt")
        let result = try practiced(["import", missing.path, "--out", "-"])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(missing.path): no such file"), "\(result.errors)")
    }
}
