import Synchronization

/// Values computed on first use and kept, by key (most often a row of the corpus): what an answer needs of a case or a practice
/// that does not depend on the request (a decoded case, its evidence, its encoded pieces), for
/// the few rows answers show rather than for the whole corpus at every start. Shared by the
/// requests of every event loop; two that miss at once both compute, one value is kept.
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values: Mutex<[Key: Value]>

    public init(_ known: [Key: Value] = [:]) {
        values = Mutex(known)
    }

    public func value(_ key: Key, _ compute: () throws -> Value) rethrows -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = try compute()
        values.withLock { $0[key] = $0[key] ?? value }
        return value
    }
}

/// The usual memo: values by row of the corpus.
public typealias RowMemo<Value: Sendable> = Memo<Int, Value>
