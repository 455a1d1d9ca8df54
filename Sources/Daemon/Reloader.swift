import Foundation
import Logging
import Synchronization

/// Builds new model generations and swaps them in, one build at a time: a reload (SIGHUP,
/// `POST /v1/admin/reload`) and a corpus edit (`POST`/`DELETE /v1/cases`) never overlap, so
/// a slow reload cannot swap in a model older than an edit that finished before it.
public final class Reloader: Sendable {
    /// A way to build the model from what is on disk now; after a corpus edit it is given the
    /// model serving until then, to grow or shrink instead of building anew.
    public typealias Build = @Sendable (_ editing: ServingModel?) throws -> ServingModel

    let store: ModelStore
    let logger: Logger
    /// Reads the configuration again and returns how to build with it.
    let configure: @Sendable () async throws -> Build
    /// The build of the latest configuration, for corpus edits.
    private let latestBuild: Mutex<Build>
    /// Held by the thread that builds (and swaps) a model.
    private let building = NSLock()

    public init(store: ModelStore, logger: Logger, build: @escaping Build, configure: @escaping @Sendable () async throws -> Build) {
        self.store = store
        self.logger = logger
        self.configure = configure
        latestBuild = Mutex(build)
    }

    public enum Failure: Error, CustomStringConvertible {
        case failed(String)

        public var description: String {
            switch self {
            case .failed(let reason): return reason
            }
        }
    }

    public func reload(reason: String) async -> Result<ServingModel, Failure> {
        logger.info("reload started", metadata: ["reason": "\(reason)"])
        let started = ContinuousClock.now
        let outcome: Result<ServingModel, Failure>
        do {
            let build = try await configure()
            latestBuild.withLock { $0 = build }
            outcome = .success(try await exclusively { try build(nil) })
        } catch {
            outcome = .failure(.failed("\(error)"))
        }
        switch outcome {
        case .success(let model):
            logger.info("reload done: new model serving", metadata: [
                "cases": "\(model.cases.count)", "fingerprint": "\(model.fingerprint)", "seconds": "\(ContinuousClock.now - started)",
            ])
        case .failure(let error):
            logger.error("reload failed: the old model keeps serving", metadata: ["reason": "\(error)"])
        }
        return outcome
    }

    /// Changes the files the model is built from, then builds and swaps in the new model; if the
    /// build fails, `undo` puts the files back and the old model keeps serving.
    func edit(change: @escaping @Sendable () throws -> Void, undo: @escaping @Sendable () throws -> Void) async throws -> ServingModel {
        let build = latestBuild.withLock { $0 }
        return try await exclusively { [store] in
            try change()
            do { return try build(store.current) } catch {
                try undo()
                throw error
            }
        }
    }

    /// Runs a build on a thread of its own (CPU work of seconds: the threads answering requests
    /// go on answering) under the build lock, and swaps its model in before releasing the lock.
    private func exclusively(_ body: @escaping @Sendable () throws -> ServingModel) async throws -> ServingModel {
        try await onThreadOfItsOwn { [building, store] in
            building.lock()
            defer { building.unlock() }
            let model = try body()
            store.replace(with: model)
            return model
        }
    }
}
