import Foundation

extension Data {
    /// The bytes libFuzzer hands to LLVMFuzzerTestOneInput (a null pointer for an empty input).
    public init(libFuzzerInput bytes: UnsafePointer<UInt8>?, count: Int) {
        self = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    }
}
