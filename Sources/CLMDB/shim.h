#include <lmdb.h>
#if defined(__linux__)
#include <malloc.h>   /* malloc_trim, for Environment.returnFreedHeapMemory */
#endif
