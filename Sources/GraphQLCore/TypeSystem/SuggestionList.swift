// "Did you mean ...?" hints, worded and ranked as graphql-js does (`suggestionList`, `didYouMean`).

/// The options close to `input` by case-insensitive edit distance, best first (graphql-js `suggestionList`).
public func suggestionList(_ input: String, options: [String]) -> [String] {
    let threshold = Int(Double(input.count) * 0.4) + 1
    let inputLower = Array(input.lowercased().unicodeScalars)
    var scored: [(String, Int)] = []
    var seen: Set<String> = []
    for option in options where seen.insert(option).inserted {  // graphql-js keys options by name
        let distance: Int
        if input == option {
            distance = 0
        } else {
            let optionLower = Array(option.lowercased().unicodeScalars)
            distance = inputLower == optionLower ? 1 : damerauLevenshtein(inputLower, optionLower, threshold: threshold)
        }
        if distance <= threshold { scored.append((option, distance)) }
    }
    return scored.sorted { lhs, rhs in
        lhs.1 != rhs.1 ? lhs.1 < rhs.1 : naturalCompare(lhs.0, rhs.0) < 0
    }.map(\.0)
}

/// ` Did you mean "a", "b", or "c"?`, with at most five suggestions; empty when there are none.
public func didYouMean(_ suggestions: [String]) -> String { didYouMean(nil, suggestions) }

/// ` Did you mean <subMessage> "a", "b", or "c"?`.
public func didYouMean(_ subMessage: String?, _ suggestions: [String]) -> String {
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
    switch quoted.count {
    case 0: return ""
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default: return message + quoted.dropLast().joined(separator: ", ") + ", or " + (quoted.last ?? "") + "?"
    }
}

private func damerauLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], threshold: Int) -> Int {
    if abs(a.count - b.count) > threshold { return threshold + 1 }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, rows[i - 2][j - 2] + 1)
            }
            rows[i][j] = value
        }
    }
    return rows[a.count][b.count]
}

/// graphql-js `naturalCompare`: digit runs compare by numeric value, other characters by code.
func naturalCompare(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf16), y = Array(b.utf16)
    var i = 0, j = 0
    func isDigit(_ c: UInt16) -> Bool { c >= 48 && c <= 57 }
    while i < x.count && j < y.count {
        if isDigit(x[i]) && isDigit(y[j]) {
            var numA = 0, numB = 0
            while i < x.count && isDigit(x[i]) { numA = numA &* 10 &+ Int(x[i] - 48); i += 1 }
            while j < y.count && isDigit(y[j]) { numB = numB &* 10 &+ Int(y[j] - 48); j += 1 }
            if numA != numB { return numA < numB ? -1 : 1 }
        } else {
            if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
            i += 1
            j += 1
        }
    }
    return x.count - y.count
}
