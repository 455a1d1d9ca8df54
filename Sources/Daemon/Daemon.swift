import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `practiced serve`: HTTP/1.1 + JSON on a Unix socket (DESIGN.md's socket API).
///
/// Hummingbird serves the connections (keep-alive, requests in parallel on every core, idle
/// timeout); the model lives in a `ModelStore` swapped atomically by the `Reloader` on SIGHUP
/// or `POST /v1/admin/reload`. SIGTERM and SIGINT stop accepting, let requests in flight
/// finish and their answers reach the client (at most `drainSeconds`), remove the socket and
/// return.
public struct Daemon: Sendable {
    public struct Options: Sendable {
        public var socketPath: String
        /// File mode of the socket, e.g. 0o660 (owner and group may connect).
        public var socketMode: mode_t
        /// Seconds a connection may stay idle, or a request take to arrive whole, before the
        /// connection is closed.
        public var idleTimeoutSeconds: Int64
        /// Seconds a drain (SIGTERM, SIGINT) waits for requests in flight and their answers.
        public var drainSeconds: Int64
        public var limits: RequestLimits
        /// The listening socket systemd passed (`SocketActivation.inheritedSocket()`), served
        /// instead of binding `socketPath`.
        public var inheritedSocket: CInt?
        /// The page `GET /` answers (the form officials use in a browser); nil: 404.
        public var page: Data?

        public init(socketPath: String, socketMode: mode_t = 0o660, idleTimeoutSeconds: Int64 = 30, drainSeconds: Int64 = 30,
                    limits: RequestLimits = RequestLimits(), inheritedSocket: CInt? = nil, page: Data? = nil) {
            self.socketPath = socketPath
            self.socketMode = socketMode
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.drainSeconds = drainSeconds
            self.limits = limits
            self.inheritedSocket = inheritedSocket
            self.page = page
        }
    }

    let options: Options
    let store: ModelStore
    let reloader: Reloader
    let corpus: CorpusEditor
    let logger: Logger

    /// `build` makes a model from the files as they are now; `configure` reads the
    /// configuration again (on reload) and returns how to build with it.
    public init(options: Options, model: ServingModel, corpus: CorpusEditor, logger: Logger,
                build: @escaping Reloader.Build, configure: @escaping @Sendable () async throws -> Reloader.Build) {
        self.options = options
        self.store = ModelStore(model)
        self.logger = logger
        self.corpus = corpus
        self.reloader = Reloader(store: store, logger: logger, build: build, configure: configure)
    }

    public func run() async throws {
        let metrics = DaemonMetrics()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AnswerMiddleware(logger: logger, metrics: metrics))
        Routes(store: store, reloader: reloader, corpus: corpus, reader: RequestBodyReader(limits: options.limits), metrics: metrics,
               page: options.page).add(to: router)

        let hangUp = watchHangUp()
        defer { hangUp.cancel() }
        let idle = TimeAmount.seconds(options.idleTimeoutSeconds), drain = TimeAmount.seconds(options.drainSeconds)
        let http = HTTP1Channel.Configuration(
            // Outermost first: a close (drain, deadline) waits for the answer written before it.
            additionalChannelHandlers: [FlushBeforeCloseHandler(bound: drain), RequestDeadlineHandler(limit: idle)],
            idleTimeout: idle)
        let server: any Service
        if let inherited = options.inheritedSocket {
            // systemd made the socket (its path, owner and mode are the unit's) and removes it.
            let logger = self.logger
            server = InheritedSocketServer(
                descriptor: inherited, responder: router.buildResponder(), configuration: http, serverName: "practiced", logger: logger,
                onServerRunning: { logger.info("serving", metadata: ["socket": "inherited from systemd (LISTEN_FDS)"]) })
        } else {
            server = try ownSocketServer(router: router, http: http)
        }
        // NIO removes the socket file when the server closes, whatever is at the path then: hence
        // `SocketFile.prepare`'s refusal of a folder where another user could replace it. This
        // removal is for the paths where the server never closed normally.
        defer { if options.inheritedSocket == nil { SocketFile.remove(options.socketPath) } }
        var group = ServiceGroupConfiguration(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // Past the bound a drain stops waiting (a client that does not read its answer).
        group.maximumGracefulShutdownDuration = .seconds(options.drainSeconds)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
        logger.info("stopped: requests drained")
    }

    /// Hummingbird on the configured socket path, created with the configured mode from the
    /// start (no window in which it is wider): umask during the bind, restored once it runs.
    private func ownSocketServer(router: Router<BasicRequestContext>, http: HTTP1Channel.Configuration) throws -> any Service {
        try SocketFile.prepare(options.socketPath)
        let previousMask = umask(~options.socketMode & 0o777)
        let path = options.socketPath, mode = options.socketMode, logger = self.logger
        return Application(
            router: router,
            server: .http1(configuration: http),
            configuration: .init(address: .unixDomainSocket(path: path), serverName: "practiced"),
            onServerRunning: { _ in
                umask(previousMask)
                chmod(path, mode)
                logger.info("serving", metadata: ["socket": "\(path)", "mode": "\(String(mode, radix: 8))"])
            },
            logger: logger)
    }

    /// SIGHUP reloads in the background (the signal's default, ending the process, is turned off).
    private func watchHangUp() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP)
        source.setEventHandler { [reloader] in
            Task { _ = await reloader.reload(reason: "SIGHUP") }
        }
        source.resume()
        return source
    }
}
