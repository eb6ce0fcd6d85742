use std::process::ExitCode;

/// mimalloc gives freed memory back to the system: a burst of logins (Argon2 takes 19 MiB per
/// hash) does not leave the server's resident size raised for good, as glibc's arenas did
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_idle_memory_small();
    kinerja::cli::main()
}

/// mimalloc reads its options from the environment when the process loads, and two of its
/// defaults keep an idle server large (docs/performance.md, "Memory"):
/// - it purges a freed page only during later allocations of the same thread: an idle server
///   kept what its start and its last logins had freed, 120 MB where 53 MB were in use;
/// - it lets the kernel back its memory with transparent huge pages, where the kernel has them
///   on for every process: a partly used 2 MiB page stays whole, and each worker kept about
///   20 MB after one large answer (a pohon of an OPD, an instansi's dashboard).
///
/// For each of `MIMALLOC_PURGE_DELAY` (to `0`) and `MIMALLOC_ALLOW_THP` (to `0`) that is not in
/// the environment the process therefore starts itself again, once, with it set; an
/// operator's own values are kept, and if the new start fails the server simply runs with
/// mimalloc's defaults.
fn keep_idle_memory_small() {
    #[cfg(unix)]
    const OPTIONS: [(&str, &str); 2] = [("MIMALLOC_PURGE_DELAY", "0"), ("MIMALLOC_ALLOW_THP", "0")];
    #[cfg(unix)]
    if OPTIONS
        .iter()
        .any(|(name, _)| std::env::var_os(name).is_none())
        && let Ok(exe) = std::env::current_exe()
    {
        use std::os::unix::process::CommandExt;
        let mut command = std::process::Command::new(exe);
        command.args(std::env::args_os().skip(1));
        for (name, value) in OPTIONS {
            if std::env::var_os(name).is_none() {
                command.env(name, value);
            }
        }
        // `exec` returns only when it failed.
        let _failed = command.exec();
    }
}
