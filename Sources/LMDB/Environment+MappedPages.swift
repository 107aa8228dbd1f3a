import CLMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Environment {
    /// Unmaps from this process the store's pages that it has touched (`madvise(MADV_DONTNEED)`
    /// over the memory map of the data file), so that they stop counting in its resident set.
    ///
    /// LMDB reads, and under `writeMap` writes, through a shared memory map of the data file.
    /// Every page touched stays mapped, and counted in the process's RSS, until the environment
    /// closes — gigabytes after a scan of a large store or a bulk load — although the kernel
    /// keeps those pages in its page cache either way. Call this where a phase is done with what
    /// it touched: a resolve that has read the store into memory, a committed chunk of a load.
    ///
    /// Nothing committed or in flight changes. On a shared file mapping `MADV_DONTNEED` only
    /// drops this process's page-table entries: madvise(2) says later accesses see "the
    /// up-to-date contents of the underlying mapped file", and the kernel moves the dirty bit of
    /// a page written under `writeMap` to the cached page, so writeback (or `sync()`) still
    /// writes it to the file. The cost is a minor fault for each page touched again.
    ///
    /// Safe while transactions are open (a concurrent access faults its page back in). It holds
    /// off map resizes while it runs, so the ranges it advises are the map in place.
    ///
    /// LMDB does not say where it mapped the file (`me_mapaddr` is set only for `MDB_FIXEDMAP`),
    /// so the map is found in `/proc/self/maps` by the data file's device and inode. Where there
    /// is no such file (not Linux), this does nothing.
    /// - Throws: `LMDBError` with the `errno` of a failed `fstat` or `madvise`.
    public func releaseMappedPages() throws(LMDBError) {
        gate.enter()
        defer { gate.leave() }
        var fd: Int32 = -1
        try check(mdb_env_get_fd(handle, &fd))
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LMDBError(code: errno) }
        for range in mappedRanges(ofDevice: UInt64(st.st_dev), inode: UInt64(st.st_ino)) {
            guard let start = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
            if madvise(start, range.count, MADV_DONTNEED) != 0 { throw LMDBError(code: errno) }
        }
    }
}

extension Environment {
    /// Faults in, for writing, the pages of the data file's map that hold `bytes` (offsets in
    /// the file), so that a writer under `writeMap` later finds them mapped.
    ///
    /// A bulk load appends to fresh pages of the map, and its first write to each page is a
    /// page fault that takes the kernel several microseconds (allocating the page, zeroing it,
    /// reserving its block on disk): a third of a second of the single writer's time on 3 M
    /// edges. Run on another thread just ahead of the writer, this takes those faults off it
    /// (`MADV_POPULATE_WRITE`, which changes no byte; the pages become dirty, so a page
    /// populated but never written costs a write of zeros at the next sync, until the file is
    /// trimmed).
    ///
    /// Only for an environment opened with `writeMap`; advisory, so a failure (an old kernel, a
    /// range past the map) only leaves the pages to fault as usual. It holds off map resizes
    /// while it runs, like `releaseMappedPages()`.
    public func prefaultForWriting(_ bytes: Range<Int>) {
        #if os(Linux)
        var flags: UInt32 = 0
        guard !bytes.isEmpty, mdb_env_get_flags(handle, &flags) == 0, flags & UInt32(MDB_WRITEMAP) != 0 else { return }
        gate.enter()
        defer { gate.leave() }
        var fd: Int32 = -1
        var info = MDB_envinfo()
        var st = stat()
        guard mdb_env_get_fd(handle, &fd) == 0, mdb_env_info(handle, &info) == 0, fstat(fd, &st) == 0,
              let map = mappedRanges(ofDevice: UInt64(st.st_dev), inode: UInt64(st.st_ino)).map(\.lowerBound).min(),
              let base = UnsafeMutableRawPointer(bitPattern: map) else { return }
        let end = min(bytes.upperBound, info.me_mapsize)
        let populateWrite: Int32 = 23   // MADV_POPULATE_WRITE, Linux 5.14
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // In steps, so the first pages are ready while later ones are still being faulted.
        var offset = bytes.lowerBound / page * page
        while offset < end {
            let step = min(8 << 20, end - offset)
            guard madvise(base + offset, step, populateWrite) == 0 else { return }
            offset += step
        }
        #endif
    }
}

/// The address ranges of this process's mappings of the file with `device` and `inode`, read
/// from `/proc/self/maps` (lines `start-end perms offset major:minor inode path`, numbers in hex
/// but the inode in decimal).
private func mappedRanges(ofDevice device: UInt64, inode: UInt64) -> [Range<UInt>] {
    #if os(Linux)
    guard let file = fopen("/proc/self/maps", "r") else { return [] }
    defer { fclose(file) }
    // glibc's `major`/`minor` (macros Swift does not import) split `st_dev` like this.
    let major = (device >> 32) & 0xffff_f000 | (device >> 8) & 0xfff
    let minor = (device >> 12) & 0xffff_ff00 | device & 0xff
    var ranges: [Range<UInt>] = []
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0, let line {
        let fields = String(cString: line).split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count >= 5, UInt64(fields[4]) == inode else { continue }
        let dev = fields[3].split(separator: ":")
        guard dev.count == 2, UInt64(dev[0], radix: 16) == major, UInt64(dev[1], radix: 16) == minor else { continue }
        let bounds = fields[0].split(separator: "-")
        guard bounds.count == 2, let lower = UInt(bounds[0], radix: 16), let upper = UInt(bounds[1], radix: 16),
              lower < upper else { continue }
        ranges.append(lower..<upper)
    }
    return ranges
    #else
    return []
    #endif
}
