// Reading a portfolio builds many small values; mimalloc makes each allocation cheaper and
// keeps later reads from slowing down as the heap grows (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Piped into `head` or `less` and closed early, the CLI stops quietly like any Unix tool,
    // instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    rapport::cli::run()
}
