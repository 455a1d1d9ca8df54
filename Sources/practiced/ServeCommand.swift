import ArgumentParser
import Daemon
import Engine
import EngineLoading
import Foundation
import Importer
import LSA
import Logging
import NIOCore
import NIOPosix
import Regions
import Settings

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The daemon: HTTP/JSON on a Unix socket (DESIGN.md's socket API), in the foreground, logs on standard error.",
        discussion: """
            Socket: the one systemd passes (socket activation, LISTEN_FDS), else --socket, else \
            $PRACTICED_SOCKET, else daemon.socket in the configuration. GET / is the page for a browser \
            (publish it through nginx: deploy/nginx-practiced.conf). SIGHUP or \
            POST /v1/admin/reload rebuilds or reloads the model (configuration, corpus, model file) and swaps \
            it in; SIGTERM or SIGINT drains the requests in flight and exits 0.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "The Unix socket to listen on.")
    var socket: String?

    func run() async throws {
        // Swift concurrency's jobs run on NIO's event loops instead of a pool of their own: a
        // request's handler then continues on the loop that read it, without two thread hops
        // per request (measured: ~200 µs of a 570 µs answer at p50 on this 2-core machine). No
        // job has been queued on the pool yet that could be lost: jobs queued before still run
        // where they were queued. Blocking work (model builds) runs on threads of its own.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        // One BLAS thread per call: the daemon's parallelism is its requests, one per event loop;
        // OpenBLAS's own threads on top fought them for the two cores (5,000 cases, 16
        // connections: 752 req/s with its threads).
        BLASThreads.set(1)
        let logger = Logger(label: "practiced")
        try await reportingFailure {
            let settings = try await configOption.load()
            let path = socket ?? ProcessInfo.processInfo.environment["PRACTICED_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
                ?? settings.daemon.socket.path
            guard let mode = mode_t(settings.daemon.socketMode, radix: 8), mode <= 0o777 else {
                throw SettingsValueError(key: "daemon.socket_mode", message: "'\(settings.daemon.socketMode)' is not an octal file mode such as 0660")
            }
            // The socket's path is checked before the model is loaded: a second daemon on a live
            // socket is refused at once (and checked again just before the bind).
            let socketPath = URL(fileURLWithPath: path).standardizedFileURL.path
            // Started by systemd's practiced.socket: its socket is served, the path left alone.
            let inherited = SocketActivation.inheritedSocket()
            if inherited == nil { try SocketFile.prepare(socketPath) }
            let model = try settings.loadServingModel()
            let configFile = configOption.config.map { URL(fileURLWithPath: $0) }
            let options = Daemon.Options(
                socketPath: socketPath, socketMode: mode,
                idleTimeoutSeconds: Int64(settings.daemon.idleTimeoutSeconds), drainSeconds: Int64(settings.daemon.drainSeconds),
                limits: RequestLimits(maxBodyBytes: settings.daemon.maxBodyBytes), inheritedSocket: inherited,
                page: try settings.daemon.page.map { try Data(contentsOf: $0) })
            let importer = try Importer(rules: try ImportRules.load(from: settings.importRulesFile),
                                        divisionsDirectory: settings.divisionsDirectory,
                                    maxBytes: settings.importMaxBytes)
            // A reload reads the configuration again, then the corpus and the model (rebuilt if
            // its inputs changed); a corpus edit rebuilds with the latest configuration.
            let daemon = Daemon(
                options: options, model: model, corpus: CorpusEditor(directory: settings.corpusDirectory, importer: importer),
                logger: logger, build: { try settings.loadServingModel(editing: $0) },
                configure: {
                    let settings = try await Settings.load(from: configFile)
                    return { try settings.loadServingModel(editing: $0) }
                })
            try await daemon.run()
        }
    }
}

extension Settings {
    /// The engine as the daemon serves it; `previous` after a corpus edit (see `loadRecommender`).
    func loadServingModel(editing previous: ServingModel? = nil) throws -> ServingModel {
        let engine = try loadRecommender(editing: previous?.lsa)
        return try ServingModel(
            recommender: engine.recommender, similar: SimilarCases(recommender: engine.recommender, weights: try similarityWeights()),
            profiles: engine.profiles, lsa: engine.model, reportTemplates: reportTemplatesDirectory)
    }
}
