use clap::Parser;
use server::{commands, config::Cli, telemetry};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    keep_large_allocations_off_the_heap();
    let cli = Cli::parse();
    telemetry::init(&cli.config.log, cli.config.log_json);
    match commands::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("membersnet: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Each password hash takes 19 MiB. glibc raises its mmap threshold after freeing such a
/// block, so later ones come from the heap and are never returned: idle memory grew from
/// 18 MiB to 95 MiB after a few sign-ins. A fixed threshold returns them at once.
fn keep_large_allocations_off_the_heap() {
    #[cfg(target_env = "gnu")]
    // SAFETY: mallopt only changes allocator tuning; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
