import CLMDB

extension Environment {
    /// Hands the C allocator's free memory back to the kernel: glibc's `malloc_trim(0)`, which
    /// releases the whole free pages inside every arena, not only those at the top of a heap.
    /// Does nothing on other systems.
    ///
    /// Here because this module is where Kith calls C. A bulk load frees and allocates
    /// gigabytes in batches, from several threads: freed memory stays in the arena of the
    /// thread that made it, and a later batch on another thread takes fresh pages instead.
    public static func returnFreedHeapMemory() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
