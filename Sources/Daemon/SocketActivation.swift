import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// systemd's socket activation (`practiced.socket`): the listening socket systemd made, with
/// its owner, group and mode, passed as descriptor 3 (LISTEN_FDS, LISTEN_PID = this process).
/// The daemon serves it instead of binding its own, and leaves its file to systemd.
public enum SocketActivation {
    /// The first inherited socket, when systemd started this process with one. The variables
    /// are cleared so that nothing this process starts believes they are its own.
    public static func inheritedSocket() -> CInt? {
        let environment = ProcessInfo.processInfo.environment
        guard let pid = environment["LISTEN_PID"].flatMap(pid_t.init), pid == getpid(),
              let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1 else { return nil }
        for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        let descriptor: CInt = 3  // SD_LISTEN_FDS_START
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return descriptor
    }
}

/// Serves HTTP/1.1 on an inherited listening socket. Hummingbird's `Application` binds an
/// address or a path but takes no descriptor, so the accept loop is written here as
/// Hummingbird's own `Server` writes it (NIO's `bind(_ socket:)`, Hummingbird's HTTP/1 child
/// channel with the daemon's handlers, the router's responder), and stops accepting on a
/// graceful shutdown while the connections in flight finish.
struct InheritedSocketServer<Context: RequestContext>: Service where Context.Source == ApplicationRequestContextSource {
    let descriptor: CInt
    let responder: RouterResponder<Context>
    let configuration: HTTP1Channel.Configuration
    let serverName: String
    let logger: Logger
    let onServerRunning: @Sendable () -> Void

    func run() async throws {
        let responder = self.responder, logger = self.logger, serverName = self.serverName
        let child = HTTP1Channel(responder: { request, writer, channel in
            let context = Context(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch let error as HTTPParserError {
                throw error
            } catch {
                response = Response(status: .internalServerError)
            }
            response.headers[.server] = serverName
            try await writer.write(response: response.head, body: response.body)
        }, configuration: configuration)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(NIOBSDSocket.Handle(descriptor)) { channel in child.setup(channel: channel, logger: logger) }
        onServerRunning()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask { await child.handle(value: connection, logger: logger) }
                        }
                    }
                } catch {
                    logger.error("accepting on the inherited socket: \(error)")
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }
}
