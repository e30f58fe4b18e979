import Postgres

/// `sql`: a read-only query on a named, configured data source; the output is the rows as an
/// array of JSON objects (typed by Postgres through `json_agg`).
struct SQLStepExecutor: StepExecutor {
    /// Data sources by name.
    let dataSources: [String: PostgresClient]

    func run(_ type: StepType, renderer: TemplateRenderer, invocation: StepInvocation) async throws(StepFailure) -> StepResult {
        guard case .sql(let config) = type else { throw StepFailure(message: "not an sql step", retryable: false) }
        guard let client = dataSources[config.dataSource] else {
            let known = dataSources.keys.sorted().joined(separator: ", ")
            throw StepFailure(message: "No data source named \"\(config.dataSource)\" is configured (known: \(known.isEmpty ? "none" : known)).", retryable: false)
        }
        var parameters: [any PostgresEncodable] = []
        var recorded: [JSONValue] = []
        for parameter in config.parameters {
            let rendered = try renderer.renderForStep(parameter)
            switch rendered.value {
            case .string(let text): parameters.append(text)
            case .null: parameters.append(PostgresNull())
            default: parameters.append(rendered.value.serialized())
            }
            recorded.append(rendered.redacted)
        }
        let wrapped = "SELECT COALESCE(json_agg(q), '[]'::json)::text AS rows FROM (\(config.query)) q"
        let boundParameters = parameters
        // The server stops the query at the step's timeout: a query cannot be cancelled from
        // here, and one that outlived its step would keep running while a retry starts another.
        let timeoutMilliseconds = max(1, Int(invocation.timeout * 1000))
        do {
            let text: String = try await client.withConnection { connection in
                // A read-only transaction: the server refuses any write the query attempts.
                try await connection.execute("BEGIN READ ONLY")
                do {
                    try await connection.execute("SET LOCAL statement_timeout = \(timeoutMilliseconds)")
                    let rows = try await connection.query(wrapped, boundParameters)
                    try await connection.execute("COMMIT")
                    return try rows.first?.decode("rows", as: String.self) ?? "[]"
                } catch {
                    _ = try? await connection.execute("ROLLBACK")
                    throw error
                }
            }
            return StepResult(output: (try? JSONValue.parse(text)) ?? .array([]), input: ["query": .string(config.query), "parameters": .array(recorded)])
        } catch let error as PostgresError {
            let retryable = error.code == .connectionLost || error.code == .connectionFailed || error.code == .poolTimeout
            throw StepFailure(message: "The query on \"\(config.dataSource)\" failed: \(error)", retryable: retryable)
        } catch {
            throw StepFailure(message: "The query on \"\(config.dataSource)\" failed: \(error)", retryable: false)
        }
    }
}
