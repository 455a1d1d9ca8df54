import NIOCore
import NIOHTTPTypes

/// Holds a close until the answer written before it has reached the socket (at most `bound`).
///
/// When the daemon drains (SIGTERM), Hummingbird writes an answer's end and closes the connection
/// at once; NIO's close drops whatever the socket could not take yet, so a client reading a
/// 7 MB report got 0.9 MB and a closed connection. Every close of the connection (drain, idle
/// timeout, request deadline) passes through this handler on its way out, and waits here until
/// the writes before it are done.
final class FlushBeforeCloseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let bound: TimeAmount
    /// Writes passed on and not yet completed (written to the socket, or failed).
    private var unfinishedWrites = 0
    /// A close waiting for them, and the promises of the closes asked for meanwhile.
    private var heldClose: (mode: CloseMode, promises: [EventLoopPromise<Void>])?
    private var forcedClose: Scheduled<Void>?

    init(bound: TimeAmount) {
        self.bound = bound
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let promise = promise ?? context.eventLoop.makePromise()
        unfinishedWrites += 1
        promise.futureResult.assumeIsolated().whenComplete { _ in
            self.unfinishedWrites -= 1
            if self.unfinishedWrites == 0 { self.releaseClose(context: context) }
        }
        context.write(data, promise: promise)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode != .input, unfinishedWrites > 0 || heldClose != nil else {
            context.close(mode: mode, promise: promise)
            return
        }
        var held = heldClose ?? (mode: mode, promises: [])
        if mode == .all { held.mode = .all }
        if let promise { held.promises.append(promise) }
        heldClose = held
        if forcedClose == nil {
            forcedClose = context.eventLoop.assumeIsolated().scheduleTask(in: bound) { self.releaseClose(context: context) }
        }
        context.flush()
    }

    private func releaseClose(context: ChannelHandlerContext) {
        guard let held = heldClose else { return }
        heldClose = nil
        forcedClose?.cancel()
        forcedClose = nil
        let promise = held.promises.first
        for other in held.promises.dropFirst() { promise?.futureResult.cascade(to: other) }
        context.close(mode: held.mode, promise: promise)
    }
}
