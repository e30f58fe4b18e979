@testable import Engine

/// Documents shared by the definition tests.
enum DefinitionFixtures {
    /// The DESIGN.md §4 example, completed: real URLs, the notify step's input and needs.
    static let orderFulfilment = #"""
    { "name": "order-fulfilment", "version": "1.4.0",
      "inputSchema": {"type": "object", "required": ["sku"],
                      "properties": {"sku": {"type": "string"}, "recipients": {"type": "array", "items": {"type": "string"}}}},
      "outputSchema": {"type": "object", "properties": {"orderId": {"type": "string"}}},
      "policy": {"compensateOn": ["error", "cancel"], "maxFanOut": 50, "timeout": "PT5M"},
      "steps": [
        {"id": "quote", "type": "http", "with": {"method": "GET", "url": "{{env.PRICING_URL}}/quote/{{input.sku}}"},
         "cache": {"ttl": "PT10M"}},
        {"id": "reserve", "type": "http", "needs": ["quote"], "transaction": "order",
         "retry": {"attempts": 3, "backoff": {"initial": "PT0.5S", "max": "PT10S", "multiplier": 2}, "jitter": true},
         "timeout": "PT30S",
         "with": {"method": "POST", "url": "{{env.INVENTORY_URL}}/reservations", "body": {"sku": "{{input.sku}}"},
                  "headers": {"Authorization": "Bearer {{secret:inventory/token}}"}, "successStatuses": [200, 201]},
         "compensate": {"type": "http",
                        "with": {"method": "DELETE", "url": "{{env.INVENTORY_URL}}/reservations/{{steps.reserve.output.id}}"}}},
        {"id": "charge", "type": "subworkflow", "needs": ["reserve"], "transaction": "order",
         "with": {"workflow": "payments", "version": "^2.1", "input": {"amount": "{{steps.quote.output.price}}"}}},
        {"id": "notify", "type": "subworkflow", "needs": ["charge"], "forEach": "{{input.recipients}}",
         "with": {"workflow": "notify", "version": "~1.0", "input": {"to": "{{item}}", "orderId": "{{steps.reserve.output.id}}"}}}
      ],
      "output": {"orderId": "{{steps.reserve.output.id}}"} }
    """#

    /// A valid document with the given steps (and optional output).
    static func document(steps: [JSONValue], output: JSONValue? = nil) -> JSONValue {
        var object: JSONObject = [
            "name": "sample", "version": "1.0.0",
            "inputSchema": ["type": "object"],
            "steps": .array(steps),
        ]
        if let output { object["output"] = output }
        return .object(object)
    }

    /// An http GET step.
    static func get(_ id: String, needs: [String] = [], url: String = "https://svc.example/x") -> JSONValue {
        var step: JSONObject = ["id": .string(id), "type": "http", "with": ["method": "GET", "url": .string(url)]]
        if !needs.isEmpty { step["needs"] = .array(needs.map(JSONValue.string)) }
        return .object(step)
    }

    /// The descriptions of the errors `publishable` reports for `document` (empty when valid).
    static func problems(_ document: JSONValue, options: DefinitionOptions = DefinitionOptions()) -> [String] {
        do throws(DefinitionErrors) {
            _ = try WorkflowDefinition.publishable(document, options: options)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// `document` with the member at `path` (object keys or array indices as strings) replaced.
    static func setting(_ document: JSONValue, _ path: [String], to value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        switch document {
        case .object(var object):
            if path.count == 1 {
                object[first] = value
            } else {
                object[first] = setting(object[first] ?? [:], Array(path.dropFirst()), to: value)
            }
            return .object(object)
        case .array(var array):
            guard let index = Int(first), array.indices.contains(index) else { return document }
            if path.count == 1 {
                if let value { array[index] = value } else { array.remove(at: index) }
            } else {
                array[index] = setting(array[index], Array(path.dropFirst()), to: value)
            }
            return .array(array)
        default:
            return document
        }
    }
}
