//! Phonebank services: plain async functions over a connection. Every call from the api
//! passes `access::phonebank_for` first.

pub mod access;
pub mod audience;
pub mod bridging;
pub mod call_page;
pub mod calls;
pub mod campaigns;
pub mod dashboard;
pub mod export;
pub mod kept;
pub mod leasing;
pub mod live;
pub mod tps;

use crate::{error::AppResult, phonebank::hours::CallingWindow, site_settings};
use sea_orm::ConnectionTrait;

/// The party-wide calling window staff set, or the default.
pub async fn calling_window(db: &impl ConnectionTrait) -> AppResult<CallingWindow> {
    Ok(site_settings::text(db, site_settings::CALLING_WINDOW)
        .await?
        .and_then(|text| CallingWindow::parse(&text))
        .unwrap_or_default())
}

/// Sets the party-wide calling window.
pub async fn set_calling_window(db: &impl ConnectionTrait, window: CallingWindow) -> AppResult<()> {
    site_settings::set_text(db, site_settings::CALLING_WINDOW, &window.to_string()).await
}
