//! Password hashing with argon2id (the argon2 crate's defaults: 19 MiB, 2 passes).
//! Hashes and checks share a gate of one permit per core: each holds 19 MiB while it
//! runs, so a burst of sign-ups queues here instead of taking memory without bound.

use crate::error::{AppError, AppResult};
use argon2::{
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use rand::RngCore;
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc, OnceLock,
};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MOST_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// How many hashes or checks may run at once: one per core, at least two. More would
/// not finish sooner (argon2 keeps a core busy), only hold more memory.
pub fn max_hashes_at_once() -> usize {
    std::thread::available_parallelism()
        .map(|cores| cores.get())
        .unwrap_or(2)
        .max(2)
}

/// Hashes and checks running now.
pub fn hashes_in_flight() -> usize {
    IN_FLIGHT.load(Ordering::SeqCst)
}

/// The most hashes and checks that have run at once since the process started.
pub fn most_hashes_in_flight() -> usize {
    MOST_IN_FLIGHT.load(Ordering::SeqCst)
}

fn gate() -> Arc<Semaphore> {
    static GATE: OnceLock<Arc<Semaphore>> = OnceLock::new();
    GATE.get_or_init(|| Arc::new(Semaphore::new(max_hashes_at_once())))
        .clone()
}

/// A place at the gate, held by the blocking task itself: if the caller gives up (the
/// request is dropped), the hash still runs to its end, and keeps its place until then.
struct Place {
    _permit: OwnedSemaphorePermit,
}

impl Place {
    async fn take() -> AppResult<Self> {
        let permit = gate()
            .acquire_owned()
            .await
            .map_err(|_| AppError::Internal)?;
        let now = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
        MOST_IN_FLIGHT.fetch_max(now, Ordering::SeqCst);
        Ok(Self { _permit: permit })
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        // Before the permit is released (fields drop after this), so the count never
        // shows more than the permits.
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs argon2 work off the async threads, through the gate.
async fn run_gated<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let place = Place::take().await?;
    tokio::task::spawn_blocking(move || {
        let _place = place;
        work()
    })
    .await
    .map_err(|_| AppError::Internal)
}

/// Hashes a password off the async threads: argon2 is deliberately slow.
pub async fn hash_password(plain: &str) -> AppResult<String> {
    let plain = plain.to_string();
    run_gated(move || {
        let mut salt = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|_| AppError::Internal)?;
        Argon2::default()
            .hash_password(plain.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|err| {
                tracing::error!(error = %err, "password hashing failed");
                AppError::Internal
            })
    })
    .await?
}

/// Checks a password against a stored hash. A malformed hash never matches.
pub async fn verify_password(plain: &str, hash: &str) -> bool {
    let (plain, hash) = (plain.to_string(), hash.to_string());
    run_gated(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(plain.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let hash = hash_password("correct horse battery").await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash).await);
        assert!(!verify_password("correct horse batterY", &hash).await);
        assert!(!verify_password("anything", "not a hash").await);
    }

    /// The counters are process-wide, and other tests hash at the same time: they share
    /// the gate too, so the most in flight is still at most the permits.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_hashes_at_once_never_run_more_than_the_permits() {
        let permits = max_hashes_at_once();
        let tasks: Vec<_> = (0..permits * 4)
            .map(|n| tokio::spawn(async move { hash_password(&format!("password {n}")).await }))
            .collect();
        for task in tasks {
            assert!(task.await.unwrap().is_ok());
        }
        let most = most_hashes_in_flight();
        assert!(most <= permits, "{most} ran at once, over {permits}");
        assert!(most >= 2, "hashes still run side by side");
    }
}
