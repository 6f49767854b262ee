#pragma once
// How the C library's allocator should behave for attune's kind of run.

namespace attune::cli {

/// attune runs once and exits, and checking a group allocates and frees the same few
/// megabytes (a setting's rows, timeline and findings) once per setting on each
/// thread. glibc's default hands large blocks back to the system as soon as they are
/// freed and takes fresh ones for the next setting, and every page of a fresh block
/// costs a page fault: a fifth of a group check's time. Keeping freed memory in the
/// process for reuse makes that cost disappear; peak memory is unchanged. No effect
/// with other C libraries or under the sanitizers' allocators.
void keep_freed_memory_for_reuse();

}  // namespace attune::cli
