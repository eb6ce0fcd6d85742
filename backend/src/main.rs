use std::process::ExitCode;

/// mimalloc gives freed memory back to the system: a burst of logins (Argon2 takes 19 MiB per
/// hash) does not leave the server's resident size raised for good, as glibc's arenas did
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kinerja::cli::main()
}
