//! Where uploaded images are kept: a folder on disk by default. The trait is small so an
//! S3-compatible store can take its place in production.

use crate::error::{AppError, AppResult};
use std::path::PathBuf;

/// A place to keep and read back files by name.
#[async_trait::async_trait]
pub trait ImageStore: Send + Sync {
    async fn put(&self, name: &str, bytes: Vec<u8>) -> AppResult<()>;
    /// The file's bytes, if it is there.
    async fn get(&self, name: &str) -> AppResult<Option<Vec<u8>>>;
}

/// Files in a folder on disk.
pub struct DiskStore {
    dir: PathBuf,
}

impl DiskStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }
}

#[async_trait::async_trait]
impl ImageStore for DiskStore {
    async fn put(&self, name: &str, bytes: Vec<u8>) -> AppResult<()> {
        let failed = |err: std::io::Error| {
            tracing::error!(%err, dir = %self.dir.display(), "could not keep an upload");
            AppError::Internal
        };
        tokio::fs::create_dir_all(&self.dir).await.map_err(failed)?;
        tokio::fs::write(self.dir.join(name), bytes)
            .await
            .map_err(failed)
    }

    async fn get(&self, name: &str) -> AppResult<Option<Vec<u8>>> {
        match tokio::fs::read(self.dir.join(name)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(_) => Err(AppError::Internal),
        }
    }
}
