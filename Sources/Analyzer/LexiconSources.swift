import Foundation

/// Where the segmenter's knowledge comes from: jieba's own dictionary and HMM parameters as
/// Debian's python3-jieba installs them, plus the product's domain dictionary (optional).
public struct LexiconSources: Sendable, Equatable {
    /// jieba's `dict.txt`: `word frequency [part of speech]` per line.
    public var jiebaDictionary: URL
    /// jieba's `finalseg/` directory: `prob_start.py`, `prob_trans.py`, `prob_emit.py`.
    public var hmmDirectory: URL
    /// `config/domain-dictionary.txt` (`word [frequency]` per line), or nil for jieba alone.
    public var domainDictionary: URL?

    public init(jiebaDictionary: URL, hmmDirectory: URL, domainDictionary: URL?) {
        self.jiebaDictionary = jiebaDictionary
        self.hmmDirectory = hmmDirectory
        self.domainDictionary = domainDictionary
    }

    var hmmFiles: [URL] {
        ["prob_start.py", "prob_trans.py", "prob_emit.py"].map { hmmDirectory.appendingPathComponent($0) }
    }

    var allFiles: [URL] { [jiebaDictionary] + hmmFiles + (domainDictionary.map { [$0] } ?? []) }

    /// Identifies the sources as they are now: path, size and modification time of each file
    /// (as jieba does for its own cache), and the cache format. A change of any source → a
    /// different fingerprint → the cache is rebuilt.
    public func fingerprint() throws -> UInt64 {
        var hash = FNV1a()
        hash.mix("format:\(Lexicon.magic)")
        for file in allFiles {
            var info = stat()
            guard stat(file.path, &info) == 0 else {
                throw LexiconError.unreadable(path: file.path, reason: "not found (install python3-jieba, or set its path in config/practiced.yaml)")
            }
            hash.mix("\(file.path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        return hash.value
    }
}

/// Opens the lexicon: from the cache file when it was built from these very sources, else by
/// building it from the sources and writing the cache (atomically) for the next start.
public enum LexiconLoader {
    public static func load(_ sources: LexiconSources, cache: URL?) throws -> Lexicon {
        let fingerprint = try sources.fingerprint()
        if let cache, FileManager.default.fileExists(atPath: cache.path),
           let lexicon = try? Lexicon(storage: LexiconStorage.mapping(cache.path)), lexicon.fingerprint == fingerprint {
            return lexicon
        }
        let data = try LexiconBuilder.build(sources, fingerprint: fingerprint)
        if let cache {
            try? writeCache(data, to: cache)
        }
        return try Lexicon(storage: LexiconStorage.copying(data))
    }

    private static func writeCache(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw LexiconError.unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
    }
}
