//! The `tertial` program: the window, or a headless sub-command.

fn main() -> std::process::ExitCode {
    tertial::cli::main()
}
