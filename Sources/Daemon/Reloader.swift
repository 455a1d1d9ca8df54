import Foundation
import Logging

/// Builds a new model generation off the request threads and swaps it in; a failure keeps the
/// old one and says why (log and answer). SIGHUP and `POST /v1/admin/reload` both come here.
public final class Reloader: Sendable {
    let store: ModelStore
    let load: @Sendable () async throws -> ServingModel
    let logger: Logger

    public init(store: ModelStore, logger: Logger, load: @escaping @Sendable () async throws -> ServingModel) {
        self.store = store
        self.load = load
        self.logger = logger
    }

    public enum Failure: Error, CustomStringConvertible {
        case busy
        case failed(String)

        public var description: String {
            switch self {
            case .busy: return "a reload is already running"
            case .failed(let reason): return reason
            }
        }
    }

    public func reload(reason: String) async -> Result<ServingModel, Failure> {
        guard store.beginReload() else { return .failure(.busy) }
        defer { store.endReload() }
        logger.info("reload started", metadata: ["reason": "\(reason)"])
        let started = ContinuousClock.now
        let outcome: Result<ServingModel, Failure>
        do { outcome = .success(try await load()) } catch { outcome = .failure(.failed("\(error)")) }
        switch outcome {
        case .success(let model):
            store.replace(with: model)
            logger.info("reload done: new model serving", metadata: [
                "cases": "\(model.cases.count)", "fingerprint": "\(model.fingerprint)", "seconds": "\(ContinuousClock.now - started)",
            ])
        case .failure(let error):
            logger.error("reload failed: the old model keeps serving", metadata: ["reason": "\(error)"])
        }
        return outcome
    }
}

/// Runs CPU work of seconds (building a model) on a thread of its own, so that the threads
/// answering requests go on answering.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
    }
}
