import Foundation
import Interchange
import PropertyGraph
import Synchronization

/// Provides each scenario its graph: one shared template store per test graph for scenarios
/// that only read, and a store of its own (a copy of the template, or new and empty) for
/// scenarios that write.
///
/// Safe to share across threads: its bookkeeping sits behind a mutex, and a template store is
/// only ever read after it is built.
public final class GraphProvider: Sendable {
    /// The directory holding `tinkerpop-modern-v3.json` and the other data files.
    public let dataDirectory: String
    private let scratch: String
    private let state = Mutex(State())

    private struct State {
        var templates: [String: Graph] = [:]
        var storeCount = 0
    }

    static let dataFiles = [
        "modern": "tinkerpop-modern-v3.json", "crew": "tinkerpop-crew-v3.json",
        "grateful": "grateful-dead-v3.json", "sink": "tinkerpop-sink-v3.json",
        "classic": "tinkerpop-classic-v3.json",
    ]

    /// A provider that keeps its stores in a new directory under the system's temporary one.
    public init(dataDirectory: String) throws {
        self.dataDirectory = dataDirectory
        scratch = Self.scratchPrefix(processID: getpid()) + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit {
        state.withLock { $0.templates = [:] }
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Where a process's scratch stores go: a supervisor that kills a worker removes what the
    /// worker left under this prefix.
    public static func scratchPrefix(processID: Int32) -> String {
        NSTemporaryDirectory() + "/kith-conformance-\(processID)-"
    }

    /// Removes the scratch stores of process `processID`, which exited without cleaning up
    /// (killed, or ended by `exit`, which runs no deinitializers).
    public static func removeScratch(ofProcess processID: Int32) {
        let prefix = URL(fileURLWithPath: scratchPrefix(processID: processID))
        let directory = prefix.deletingLastPathComponent().path
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in contents where name.hasPrefix(prefix.lastPathComponent) {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    static var storeOptions: Graph.Options {
        var options = Graph.Options()
        options.noSync = true  // scratch stores: durability buys nothing and fsync costs a lot
        options.mapSize = 1 << 32
        return options
    }

    /// The graph named `name` (`modern`, …, `empty`). A `private` graph is the scenario's own:
    /// it may be written and is removed by `discard(_:)`.
    /// - Throws: `ProvisionError` for an unknown graph or rejected data lines; storage errors.
    public func graph(_ name: String, private isPrivate: Bool) throws -> Graph {
        if name == "empty" { return try newStore() }
        let template = try self.template(name)
        guard isPrivate else { return template }
        let path = newStorePath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: template.path + "/data.mdb", toPath: path + "/data.mdb")
        return try Graph(path: path, options: Self.storeOptions)
    }

    /// Removes a private store's files; the caller must hold no other reference to it.
    public func discard(_ graph: Graph) {
        guard !state.withLock({ $0.templates.values.contains { $0 === graph } }) else { return }
        try? FileManager.default.removeItem(atPath: graph.path)
    }

    private func newStorePath() -> String {
        let number = state.withLock { state in
            state.storeCount += 1
            return state.storeCount
        }
        return scratch + "/store-\(number)"
    }

    private func newStore() throws -> Graph {
        try Graph(path: newStorePath(), options: Self.storeOptions)
    }

    /// The template store of a test graph, imported on first use (under the lock, so two
    /// threads never import the same graph twice).
    private func template(_ name: String) throws -> Graph {
        try state.withLock { state in
            if let graph = state.templates[name] { return graph }
            guard let file = Self.dataFiles[name] else { throw ProvisionError.unknownGraph(name) }
            let graph = try Graph(path: scratch + "/template-\(name)", options: Self.storeOptions)
            let summary = try GraphSONImporter(graph: graph).importFile(dataDirectory + "/" + file)
            if let first = summary.rejections.first { throw ProvisionError.rejectedData(name, first.description) }
            state.templates[name] = graph
            return graph
        }
    }
}

/// A graph that cannot be provided.
public enum ProvisionError: Error, Sendable, CustomStringConvertible {
    case unknownGraph(String)
    case rejectedData(String, String)

    public var description: String {
        switch self {
        case .unknownGraph(let name): "no test graph is called '\(name)'"
        case .rejectedData(let name, let reason): "the \(name) graph did not load: \(reason)"
        }
    }
}
