/// Appends `n` in decimal, as `String(n)` writes it, without making the `String`.
func appendDecimal(_ n: Int64, to bytes: inout [UInt8]) {
    if n < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = n.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written from the end
    withUnsafeMutableBytes(of: &digits) { buffer in
        var i = buffer.count
        repeat {
            i -= 1
            buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: buffer[i...])
    }
}
