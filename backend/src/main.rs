use std::process::ExitCode;

/// mimalloc gives freed memory back to the system: a burst of logins (Argon2 takes 19 MiB per
/// hash) does not leave the server's resident size raised for good, as glibc's arenas did
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    purge_freed_memory_at_once();
    kinerja::cli::main()
}

/// mimalloc reads its options from the environment when the process loads, and by default
/// purges a freed page only during later allocations of the same thread: an idle server kept
/// what its start (the API description built per worker) and its last logins had freed,
/// 120 MB where 53 MB are in use (docs/performance.md, "Memory"). Without
/// `MIMALLOC_PURGE_DELAY` in the environment the process therefore starts itself again, once,
/// with `MIMALLOC_PURGE_DELAY=0`; an operator's own value is kept, and if the new start fails
/// the server simply runs with mimalloc's default.
fn purge_freed_memory_at_once() {
    #[cfg(unix)]
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none()
        && let Ok(exe) = std::env::current_exe()
    {
        use std::os::unix::process::CommandExt;
        // `exec` returns only when it failed.
        let _failed = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env("MIMALLOC_PURGE_DELAY", "0")
            .exec();
    }
}
