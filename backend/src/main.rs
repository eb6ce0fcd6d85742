use std::process::ExitCode;

fn main() -> ExitCode {
    kinerja::cli::main()
}
