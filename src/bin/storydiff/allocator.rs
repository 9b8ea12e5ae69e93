//! The binary's allocator.

/// mimalloc: claims, figures and tokens are many small strings, and the
/// system allocator's malloc and free took 5 to 8% of `compare` on BASIL
/// (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
