import Foundation

/// The number of threads OpenBLAS uses inside one call, when OpenBLAS is the BLAS loaded at run
/// time (Debian's alternatives put it behind libblas.so.3); the reference BLAS is always
/// single-threaded and these calls then do nothing.
///
/// Found with dlsym because the program links the generic `-lblas`, which has no such symbol:
/// code that splits work between its own threads (all-pairs neighbours, the daemon's parallel
/// requests) asks for one BLAS thread per call, so that the two kinds of threads do not fight
/// over the same cores.
public enum BLASThreads {
    private typealias Setter = @convention(c) (Int32) -> Void
    private typealias Getter = @convention(c) () -> Int32

    // The program itself: dlsym then searches every library it loaded. Never written after start-up.
    nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)

    /// Threads per BLAS call, or nil when the BLAS loaded is not OpenBLAS.
    public static var current: Int? {
        guard let symbol = dlsym(handle, "openblas_get_num_threads") else { return nil }
        return Int(unsafeBitCast(symbol, to: Getter.self)())
    }

    /// Sets the threads per BLAS call (no effect without OpenBLAS).
    public static func set(_ count: Int) {
        guard let symbol = dlsym(handle, "openblas_set_num_threads") else { return }
        unsafeBitCast(symbol, to: Setter.self)(Int32(max(count, 1)))
    }

    /// Runs `body` with one thread per BLAS call, then restores the previous setting.
    public static func single<T>(_ body: () throws -> T) rethrows -> T {
        guard let previous = current else { return try body() }
        set(1)
        defer { set(previous) }
        return try body()
    }
}
