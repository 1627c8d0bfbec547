//! Images for group sites: an organiser's upload into an image block (a plain multipart
//! form, so it works without JavaScript), and the copies served back. Only names the
//! image module gives are served, each with its image type (and `nosniff`, from the
//! security layer), so nothing else can ever come out of the upload folder.

use crate::{exports::error_response, ServerState};
use app::{
    ctx::person_from_headers,
    error::{AppError, AppResult},
    sites::{
        model::{Block, IMAGE_REFUSALS},
        service::{
            access::site_to_edit,
            drafts::{blocks_from, edit_blocks, page_to_edit},
            image_store::{DiskStore, ImageStore},
            images::{keep_upload, served_type, MAX_BYTES},
        },
    },
};
use axum::{
    extract::{DefaultBodyLimit, Multipart, Path, State},
    http::{header, HeaderMap},
    response::{IntoResponse, Redirect, Response},
};

/// The upload route's body limit: the largest image and its form around it.
pub fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)
}

/// POST /groups/{slug}/site/{page}/image: `file` into block `index` of the draft at
/// `version`. Back to the editor, with the refusal named when the image was refused.
pub async fn upload(
    State(state): State<ServerState>,
    Path((group, page)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let editor = format!("/groups/{group}/site/{page}");
    match receive(&state, &group, &page, &headers, multipart).await {
        Ok(()) => Redirect::to(&format!("{editor}?saved=1")).into_response(),
        Err((index, AppError::Invalid { message, .. })) => {
            let code = IMAGE_REFUSALS
                .iter()
                .position(|m| *m == message)
                .unwrap_or(4);
            Redirect::to(&format!("{editor}?block={index}&image_error={code}")).into_response()
        }
        Err((_, err)) => error_response(err),
    }
}

async fn receive(
    state: &ServerState,
    group: &str,
    page: &str,
    headers: &HeaderMap,
    mut multipart: Multipart,
) -> Result<(), (usize, AppError)> {
    let app = &state.app;
    let viewer = person_from_headers(&app.db, headers)
        .await
        .map_err(|e| (0, e))?;
    let editing = site_to_edit(&app.db, group, viewer.as_ref())
        .await
        .map_err(|e| (0, e))?;
    let (mut index, mut version, mut file) = (None, None, None);
    while let Some(field) = multipart.next_field().await.map_err(|_| (0, too_big()))? {
        match field.name() {
            Some("index") => {
                index = field
                    .text()
                    .await
                    .ok()
                    .and_then(|t| t.parse::<usize>().ok())
            }
            Some("version") => {
                version = field.text().await.ok().and_then(|t| t.parse::<i32>().ok())
            }
            Some("file") => {
                let declared = field.content_type().unwrap_or_default().to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| (index.unwrap_or(0), too_big()))?;
                file = Some((declared, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let (Some(index), Some(version)) = (index, version) else {
        return Err((0, AppError::bad_request("The form is missing its block.")));
    };
    let (declared, bytes) = file.unwrap_or_default();
    let row = page_to_edit(&app.db, &editing, page)
        .await
        .map_err(|e| (index, e))?;
    // Before anything is kept: the draft is as the form saw it, and the block is an image.
    let blocks = blocks_from(&row.draft).map_err(|e| (index, e))?;
    if row.draft_version != version || !matches!(blocks.get(index), Some(Block::Image { .. })) {
        return Err((index, AppError::invalid("image", IMAGE_REFUSALS[6])));
    }
    let store = DiskStore::new(&app.settings.upload_dir);
    let kept = keep_upload(&store, bytes, &declared)
        .await
        .map_err(|e| (index, e))?;
    let placed: AppResult<()> = edit_blocks(&app.db, &row, version, |blocks| {
        match blocks.get_mut(index) {
            Some(Block::Image {
                name,
                ext,
                width,
                height,
                ..
            }) => {
                (*name, *ext, *width, *height) =
                    (kept.name, kept.ext.to_string(), kept.width, kept.height);
                Ok(())
            }
            _ => Err(AppError::NotFound),
        }
    })
    .await;
    placed.map_err(|e| (index, e))
}

fn too_big() -> AppError {
    AppError::invalid("image", IMAGE_REFUSALS[1])
}

/// GET /uploads/{file}: a stored copy, cached for ever (its name is never reused).
pub async fn serve_copy(State(state): State<ServerState>, Path(file): Path<String>) -> Response {
    let Some(kind) = served_type(&file) else {
        return error_response(AppError::NotFound);
    };
    match DiskStore::new(&state.app.settings.upload_dir)
        .get(&file)
        .await
    {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::CONTENT_DISPOSITION, "inline"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => error_response(AppError::NotFound),
        Err(err) => error_response(err),
    }
}
