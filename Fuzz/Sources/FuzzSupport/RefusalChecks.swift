import Daemon

/// How the daemon refuses a body (the error its routes answer with): 400 when it is not JSON,
/// 422 naming the field first (`filter.year: expected an integer`), in JSON's words; never a
/// crash, another error or another status.
public func checkRefusal(_ error: any Error, by operation: String) {
    guard let refusal = error as? APIError else { violated("\(operation) threw \(type(of: error)), not APIError: \(error)") }
    let status = refusal.status.code
    expect(status == 400 || status == 422, "\(operation) refuses with 400 or 422, not \(status): \(refusal.message)")
    if status == 422 {
        expect(refusal.message.range(of: #"^[^\s:][^:]*: \S"#, options: .regularExpression) != nil,
               "\(operation): a 422 names the field first: \(refusal.message)")
    }
    expect(!saysSwiftTypes(refusal.message), "\(operation): the message speaks JSON, not Swift: \(refusal.message)")
}
