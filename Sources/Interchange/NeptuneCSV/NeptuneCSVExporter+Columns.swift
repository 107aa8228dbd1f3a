import Foundation
import PropertyGraph

/// A store that Neptune's CSV format cannot express.
public enum NeptuneCSVExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A property key that cannot be a header name: empty, starting with `~` (the system
    /// columns' prefix), holding a space, comma, CR or LF, or ending in `\` (which would escape
    /// the `:` before the type).
    case unwritableKey(String)
    /// A vertex label holding `;`, which Neptune reads as a separator between several labels.
    case labelWithSemicolon(String)

    public var description: String {
        switch self {
        case .unwritableKey(let key):
            "property key '\(key)' cannot be a Neptune CSV column name (no space, comma, line break, leading '~' or trailing '\\')"
        case .labelWithSemicolon(let label):
            "vertex label '\(label)' holds ';', which Neptune reads as several labels"
        }
    }
}

/// The columns one kind of element needs: each property key with the type that holds every
/// value the key has anywhere in the store, gathered in a first pass.
///
/// Types merge as follows, so that a column reads back each value it holds:
/// - integers widen: Byte < Short < Int < Long;
/// - Float and Double make Double; Byte, Short or Int with Float or Double make Double
///   (a 32-bit integer fits a Double exactly);
/// - anything else mixed (Long with a floating type, numbers with strings, dates or bools)
///   makes String, and each value is written as its text;
/// - a list makes an array column (`Type[]`) of its items' merged type; a key that holds a
///   list on one element and a single value on another is an array column too, the single
///   value becoming a one-item list; a list of lists has String items.
///
/// Edge properties cannot be arrays in Neptune, so an edge key holding lists is a String
/// column whose cells are the items joined with `;`.
struct NeptuneColumnSet {
    private struct Merged {
        /// The items' type; nil while only empty lists were seen.
        var type: NeptuneType?
        var isArray: Bool
    }

    /// By property key id.
    private var merged: [Merged?] = []

    /// Merges the types of `properties` in.
    mutating func add(_ properties: LentProperties) throws {
        try properties.forEach { key, value in
            if Int(key) >= merged.count { merged += repeatElement(nil, count: Int(key) + 1 - merged.count) }
            switch value {
            case .string: Self.fold(.string, isArray: false, into: &merged[Int(key)])
            case .value(let value):
                if let items = value.arrayItems {
                    let type = items.reduce(nil) { Self.merge($0, $1.scalarNeptuneType ?? .string) }
                    Self.fold(type, isArray: true, into: &merged[Int(key)])
                } else {
                    Self.fold(value.scalarNeptuneType, isArray: false, into: &merged[Int(key)])
                }
            }
        }
    }

    /// Merges what `other` found in.
    mutating func merge(_ other: NeptuneColumnSet) {
        if other.merged.count > merged.count { merged += repeatElement(nil, count: other.merged.count - merged.count) }
        for (key, found) in other.merged.enumerated() {
            guard let found else { continue }
            Self.fold(found.type, isArray: found.isArray, into: &merged[key])
        }
    }

    /// Merges a key's type (of a single value, or of a list's items) into what it has held.
    private static func fold(_ type: NeptuneType?, isArray: Bool, into merged: inout Merged?) {
        var m = merged ?? Merged(type: nil, isArray: false)
        m.type = merge(m.type, type)
        m.isArray = m.isArray || isArray
        merged = m
    }

    private static func merge(_ a: NeptuneType?, _ b: NeptuneType?) -> NeptuneType? {
        guard let a else { return b }
        guard let b else { return a }
        return a.merged(with: b)
    }

    /// The property columns, sorted by name.
    /// - Throws: `NeptuneCSVExportError.unwritableKey` for a key no header can name.
    func columns(of kind: NeptuneFileKind, reader: GraphReader) throws -> [NeptunePropertyColumn] {
        var named: [(String, Merged)] = []
        for (key, m) in merged.enumerated() {
            if let m { named.append((try reader.symbolName(SymbolID(key)), m)) }
        }
        var columns: [NeptunePropertyColumn] = []
        for (key, m) in named.sorted(by: { $0.0 < $1.0 }) {
            guard Self.canName(key) else { throw NeptuneCSVExportError.unwritableKey(key) }
            if kind == .edges && m.isArray {
                columns.append(NeptunePropertyColumn(name: key, type: .string))
            } else {
                columns.append(NeptunePropertyColumn(name: key, type: m.type ?? .string, isArray: m.isArray))
            }
        }
        return columns
    }

    private static func canName(_ key: String) -> Bool {
        !key.isEmpty && !key.hasPrefix("~") && !key.hasSuffix("\\")
            && !key.utf8.contains { $0 == 0x20 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }
    }
}

/// The column sets of the two files.
struct NeptuneColumnSets {
    var vertices = NeptuneColumnSet()
    var edges = NeptuneColumnSet()

    mutating func merge(_ other: NeptuneColumnSets) {
        vertices.merge(other.vertices)
        edges.merge(other.edges)
    }
}

extension PropertyValue {
    /// The items of a list or a set, which Neptune writes as an array column; nil for a single value.
    var arrayItems: [PropertyValue]? {
        switch self {
        case .list(let items), .set(let items): items
        default: nil
        }
    }

    /// The Neptune type of a single value; nil for a list or set. Neptune has no UUID or map
    /// type: they are written as their text.
    var scalarNeptuneType: NeptuneType? {
        switch self {
        case .string: .string
        case .bool: .bool
        case .int8: .byte
        case .int16: .short
        case .int32: .int
        case .int64: .long
        case .float: .float
        case .double: .double
        case .dateTime: .date
        case .uuid, .map: .string
        case .list, .set: nil
        }
    }
}

extension NeptuneType {
    private static let integers: [NeptuneType] = [.byte, .short, .int, .long]
    /// The types whose every value a Double holds exactly.
    private static let exactInDouble: Set<NeptuneType> = [.byte, .short, .int, .float, .double]

    /// The narrowest type that holds values of both types (see `NeptuneColumnSet`).
    func merged(with other: NeptuneType) -> NeptuneType {
        if self == other { return self }
        if let a = Self.integers.firstIndex(of: self), let b = Self.integers.firstIndex(of: other) {
            return Self.integers[max(a, b)]
        }
        if Self.exactInDouble.contains(self) && Self.exactInDouble.contains(other) { return .double }
        return .string
    }
}

extension NeptunePropertyColumn {
    /// The header field: `name:Type` or `name:Type[]`, a `:` in the name escaped as `\:`.
    var headerField: String {
        name.replacingOccurrences(of: ":", with: "\\:") + ":" + type.displayName + (isArray ? "[]" : "")
    }
}
