//! Uploaded images for a site's image blocks. The upload's real type is read from its
//! bytes (never from its name or label), it must be JPEG, PNG or WebP of at most 5 MB and
//! sensible dimensions, and what is kept are copies drawn afresh at two widths, so no
//! metadata (a phone photo's location, say) survives, and nothing but an image is ever
//! stored or served.

use super::image_store::ImageStore;
use crate::{
    error::{AppError, AppResult},
    sites::model::IMAGE_REFUSALS,
};
use image::{codecs, DynamicImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The largest upload.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The largest side, and the most pixels, an upload may have.
const MAX_SIDE: u32 = 8_000;
const MAX_PIXELS: u64 = 16_000_000;
/// The widths kept (each no wider than the original).
pub const WIDTHS: [u32; 2] = [600, 1200];

/// An image as kept: its stored name (copies are `{name}-{width}.{ext}`), the file type,
/// and the size of the largest copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptImage {
    pub name: String,
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
}

fn refuse(which: usize) -> AppError {
    AppError::invalid("image", IMAGE_REFUSALS[which])
}

/// Checks an upload: its bytes must be one of the allowed types, the one its label claims
/// (`declared`, the browser's content type); not too big, in bytes or in pixels.
pub fn check_upload(bytes: &[u8], declared: &str) -> AppResult<(ImageFormat, u32, u32)> {
    if bytes.is_empty() {
        return Err(refuse(0));
    }
    if bytes.len() > MAX_BYTES {
        return Err(refuse(1));
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        _ => return Err(refuse(2)),
    };
    let claimed = match declared.trim().to_ascii_lowercase().as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => Some(ImageFormat::Jpeg),
        "image/png" => Some(ImageFormat::Png),
        "image/webp" => Some(ImageFormat::WebP),
        _ => None,
    };
    if claimed != Some(format) {
        return Err(refuse(3));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let (width, height) = reader.into_dimensions().map_err(|_| refuse(4))?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(refuse(5));
    }
    Ok((format, width, height))
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(160 * 1024 * 1024);
    limits
}

/// Decodes a checked upload and keeps its copies in `store`.
pub async fn keep_upload(
    store: &dyn ImageStore,
    bytes: Vec<u8>,
    declared: &str,
) -> AppResult<KeptImage> {
    let (format, _, _) = check_upload(&bytes, declared)?;
    // Decoding and resizing take a while and up to ~100 MB: off the request threads, and
    // one at a time per process, so a burst of uploads cannot exhaust memory.
    static DRAWING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
    let _turn = DRAWING.acquire().await.map_err(|_| AppError::Internal)?;
    let copies = tokio::task::spawn_blocking(move || draw_copies(&bytes, format))
        .await
        .map_err(|_| AppError::Internal)??;
    let name = hex::encode(rand::random::<[u8; 16]>());
    let (mut width, mut height, mut ext) = (0, 0, "jpg");
    for copy in copies {
        store
            .put(&format!("{name}-{}.{}", copy.width, copy.ext), copy.bytes)
            .await?;
        (width, height, ext) = (copy.drawn_width, copy.height, copy.ext);
    }
    Ok(KeptImage {
        name,
        ext,
        width,
        height,
    })
}

struct Copy {
    /// The width in the name (the copy is at most this wide).
    width: u32,
    drawn_width: u32,
    height: u32,
    ext: &'static str,
    bytes: Vec<u8>,
}

fn draw_copies(bytes: &[u8], format: ImageFormat) -> AppResult<Vec<Copy>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let image = reader.decode().map_err(|_| refuse(4))?;
    let alpha = image.color().has_alpha();
    WIDTHS
        .into_iter()
        .map(|width| {
            let copy = if image.width() > width {
                image.resize(width, u32::MAX, image::imageops::FilterType::Triangle)
            } else {
                image.clone()
            };
            let bytes = encode(&copy, alpha)?;
            Ok(Copy {
                width,
                drawn_width: copy.width(),
                height: copy.height(),
                ext: if alpha { "png" } else { "jpg" },
                bytes,
            })
        })
        .collect()
}

/// PNG where there is transparency, otherwise JPEG: both drawn from pixels alone.
fn encode(image: &DynamicImage, alpha: bool) -> AppResult<Vec<u8>> {
    let mut out = Vec::new();
    let written = if alpha {
        image
            .to_rgba8()
            .write_with_encoder(codecs::png::PngEncoder::new(&mut out))
    } else {
        image
            .to_rgb8()
            .write_with_encoder(codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82))
    };
    written.map_err(|_| AppError::Internal)?;
    Ok(out)
}

/// Whether `file` is a name this module gives a copy, and its content type: only these
/// are ever served from the upload folder.
pub fn served_type(file: &str) -> Option<&'static str> {
    let (stem, ext) = file.rsplit_once('.')?;
    let (name, width) = stem.rsplit_once('-')?;
    let ok = name.len() == 32
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && WIDTHS.iter().any(|w| w.to_string() == width);
    match (ok, ext) {
        (true, "jpg") => Some("image/jpeg"),
        (true, "png") => Some("image/png"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn an_image_of_the_kind_it_says_is_taken() {
        let (format, w, h) = check_upload(&png(30, 20), "image/png").unwrap();
        assert_eq!((format, w, h), (ImageFormat::Png, 30, 20));
    }

    #[test]
    fn a_mislabelled_or_non_image_file_is_refused() {
        assert!(check_upload(&png(30, 20), "image/jpeg").is_err());
        assert!(check_upload(b"<script>alert(1)</script>", "image/png").is_err());
        assert!(check_upload(b"GIF89a\x01\x00\x01\x00", "image/gif").is_err());
        assert!(check_upload(&[], "image/png").is_err());
    }

    #[test]
    fn an_over_size_file_is_refused() {
        let mut big = png(10, 10);
        big.resize(MAX_BYTES + 1, 0);
        let err = check_upload(&big, "image/png").unwrap_err();
        assert!(err.to_string().contains("5 MB"));
    }

    #[test]
    fn absurd_dimensions_are_refused_before_decoding() {
        // A PNG header claiming 100,000 x 100,000 pixels, and nothing else.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        header[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(check_upload(&header, "image/png").is_err());
    }

    #[test]
    fn copies_are_drawn_at_each_width_without_growing() {
        let copies = draw_copies(&png(900, 300), ImageFormat::Png).unwrap();
        assert_eq!(copies[0].drawn_width, 600);
        assert_eq!(copies[0].height, 200);
        assert_eq!(copies[1].drawn_width, 900, "never wider than the original");
        assert!(copies.iter().all(|c| c.ext == "jpg"));
    }

    #[test]
    fn only_names_this_module_gives_are_served() {
        let name = "0123456789abcdef0123456789abcdef";
        assert_eq!(served_type(&format!("{name}-600.jpg")), Some("image/jpeg"));
        assert_eq!(served_type(&format!("{name}-1200.png")), Some("image/png"));
        for bad in [
            format!("{name}-600.html"),
            format!("{name}-601.jpg"),
            "../etc/passwd".to_string(),
            format!("{name}.jpg"),
        ] {
            assert_eq!(served_type(&bad), None, "{bad}");
        }
    }
}
