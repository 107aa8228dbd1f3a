/// Byte-level fast paths for the common all-ASCII value.
///
/// In ASCII text every `Character` is one byte, except `\r\n`, which is one
/// whitespace `Character` of two whitespace bytes; so trimming, splitting and
/// testing bytes gives what the `Character` code gives. Normalizers take these
/// paths only for ASCII input and keep their `Character` code for the rest.
extension CharacterFolding {
    /// `body` over the UTF-8 of `text` when every byte is ASCII; `nil` when one is not.
    static func withASCII<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            var combined: UInt8 = 0
            for byte in bytes { combined |= byte }
            return combined < 0x80 ? body(bytes) : nil
        }
    }

    /// Whether `byte` is an ASCII whitespace `Character` (tab, line feed,
    /// vertical tab, form feed, carriage return, space).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether `byte` is an ASCII letter or digit, what `isLetter || isNumber` means for an ASCII `Character`.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte | 0x20)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// `range` of `bytes` without leading and trailing ASCII whitespace.
    static func trimmed(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while lower < upper, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Whether `range` of `bytes`, lower-cased, starts with `prefix`.
    static func hasLowercasedPrefix(_ prefix: String, _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count >= prefix.utf8.count && zip(prefix.utf8, bytes[range]).allSatisfy { $0 == lowercased($1) }
    }

    /// Folded ASCII words, as ``NameNormalizer`` and ``AddressNormalizer`` clean them:
    /// letters (lower-cased) and digits are kept, bytes for which `isDeleted`
    /// holds are dropped (joining their neighbours), `isolated` becomes a word
    /// of its own and every other byte breaks words.
    ///
    /// - Returns: `nil` when `text` is not all ASCII.
    static func asciiWords(of text: String, deleting isDeleted: (UInt8) -> Bool, isolating isolated: UInt8? = nil) -> [Substring]? {
        guard let cleaned = withASCII(text, { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 3) { output in
                var count = 0
                var pendingSpace = false
                func append(_ byte: UInt8) {
                    if pendingSpace, count > 0 { output[count] = 0x20; count += 1 }
                    pendingSpace = false
                    output[count] = byte
                    count += 1
                }
                for byte in bytes {
                    if isLetterOrDigit(byte) {
                        append(lowercased(byte))
                    } else if isDeleted(byte) {
                        continue
                    } else if byte == isolated {
                        pendingSpace = true
                        append(byte)
                        pendingSpace = true
                    } else {
                        pendingSpace = true
                    }
                }
                return count
            }
        }) else { return nil }
        // One space between words and none at the ends, so the split is a byte split.
        return cleaned.utf8.split(separator: 0x20).map { Substring($0) }
    }
}
