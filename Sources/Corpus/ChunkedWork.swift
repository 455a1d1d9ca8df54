import Dispatch

/// Work over many independent items on every core: the items cut into chunks, each chunk
/// transformed on its own (so it can keep a workspace or stop at its first failure), the
/// results in the chunks' order — the same answer as one pass in order. Used where a large
/// corpus is read and analysed (`CorpusFiles.readFile`, `FeatureSpace`).
public enum ChunkedWork {
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], chunkSize: Int,
                                                              _ transform: @Sendable (ArraySlice<Item>) -> Result) -> [Result] {
        let chunks = (items.count + chunkSize - 1) / chunkSize
        nonisolated(unsafe) var results = [Result?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            // Each iteration writes its own slot only.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                slots[chunk] = transform(items[(chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)])
            }
        }
        return results.map { $0! }
    }
}

extension ChunkedWork {
    /// Two independent computations at once (on two cores), for the large independent steps
    /// of loading a stage (the two weight matrices, the term-major copies).
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        nonisolated(unsafe) var a: A?, b: B?
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a = first() } else { b = second() }
        }
        return (a!, b!)
    }
}
