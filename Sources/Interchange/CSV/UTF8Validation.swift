/// Whether `bytes` are well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong forms,
/// no surrogates, nothing past U+10FFFF).
///
/// - Complexity: O(*n*); runs of ASCII are checked eight bytes per step.
public func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    while index < count {
        while index &+ 8 <= count
            && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            index &+= 8
        }
        guard index < count else { return true }
        let lead = base.load(fromByteOffset: index, as: UInt8.self)
        if lead < 0x80 {
            index &+= 1
            continue
        }
        // The allowed range of the second byte depends on the lead; later bytes are all 80...BF.
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return false
        }
        guard count &- index >= length,
              second.contains(base.load(fromByteOffset: index &+ 1, as: UInt8.self))
        else { return false }
        for offset in 2..<length where base.load(fromByteOffset: index &+ offset, as: UInt8.self) & 0xC0 != 0x80 {
            return false
        }
        index &+= length
    }
    return true
}
