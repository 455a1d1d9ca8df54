/// A fuzzer's finding: what the code under test promised and did not do. Stops the process
/// with a message, which libFuzzer reports as a crash and saves the input for.
public func violated(_ promise: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("contract violated: \(promise)", file: file, line: line)
}

/// Checks one promise of the code under test.
public func expect(_ condition: Bool, _ promise: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { violated(promise(), file: file, line: line) }
}
