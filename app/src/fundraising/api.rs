//! The treasurer's server functions. Each starts from `treasurer::keeper`: staff keep
//! every gift's books, a group's named treasurer that group's.
// Server functions take their form's fields one by one.
#![allow(clippy::too_many_arguments)]

use crate::{error::AppError, fundraising::model::books::Books};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    fundraising::{
        model::books::DonationFilter,
        service::{checks, provider, reports, totals, treasurer},
    },
};

/// The treasurer's page: gifts (filtered), the queue, reports, split gifts and the log.
#[server(endpoint = "fundraising/books")]
pub async fn treasurer_books(
    status: String,
    donor: String,
    over: String,
) -> Result<Books, AppError> {
    serve(|ctx| async move {
        let keeper = treasurer::keeper(&ctx.db, ctx.maybe_person()).await?;
        let filter = DonationFilter {
            status,
            donor,
            over_pence: crate::fundraising::model::parse_pounds(&over),
        };
        let (reports, splits) = reports::reports_and_splits(&ctx.db, &keeper).await?;
        Ok(Books {
            scope: match &keeper {
                treasurer::Keeper::Staff(_) => "Every donation".to_string(),
                treasurer::Keeper::Group(_, groups) => {
                    let names =
                        crate::groups::service::lookups::group_names(&ctx.db, groups.clone())
                            .await?;
                    names.into_values().collect::<Vec<_>>().join(", ")
                }
            },
            donations: treasurer::donations(&ctx.db, &keeper, &filter).await?,
            queue: checks::queue(&ctx.db, &keeper, chrono::Utc::now()).await?,
            reports,
            splits,
            audit: treasurer::audit_log(&ctx.db, &keeper).await?,
            pages: treasurer::pages_kept(&ctx.db, &keeper).await?,
        })
    })
    .await
}

/// Records a permissibility check: accept the gift, or return it (refunded through the
/// provider).
#[server(endpoint = "fundraising/check")]
pub async fn record_check(
    donation_id: i32,
    register: String,
    reference: String,
    decision: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let keeper = treasurer::keeper(&ctx.db, ctx.maybe_person()).await?;
        let record = checks::CheckRecord::parse(&register, &reference)?;
        match decision.as_str() {
            "accept" => checks::accept(&ctx.db, &keeper, donation_id, &record).await?,
            "return" => {
                let api = provider::provider_from(ctx.state.settings.payments.as_ref());
                let dyn_api = api.as_ref().map(|p| p as &dyn provider::PaymentProvider);
                let page =
                    checks::return_gift(&ctx.db, dyn_api, &keeper, donation_id, &record).await?;
                totals::changed(&ctx.state.live, page).await;
            }
            _ => return Err(AppError::invalid("decision", "Choose accept or return.")),
        }
        redirect_to("/treasurer?checked=1");
        Ok(())
    })
    .await
}

/// Records a cheque or bank transfer.
#[server(endpoint = "fundraising/offline")]
pub async fn record_offline_gift(
    page_id: i32,
    donor_name: String,
    donor_email: String,
    donor_address: String,
    donor_postcode: String,
    amount: String,
    note: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let keeper = treasurer::keeper(&ctx.db, ctx.maybe_person()).await?;
        let gift = checks::OfflineGift {
            page_id,
            donor_name: &donor_name,
            donor_email: &donor_email,
            donor_address: &donor_address,
            donor_postcode: &donor_postcode,
            amount: &amount,
            note: &note,
        };
        let page = checks::record_offline(&ctx.db, &keeper, &gift).await?;
        totals::changed(&ctx.state.live, page).await;
        redirect_to("/treasurer?recorded=1");
        Ok(())
    })
    .await
}

/// Staff name an official group's treasurer.
#[server(endpoint = "fundraising/treasurer")]
pub async fn name_treasurer(group: String, email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let keeper = treasurer::keeper(&ctx.db, ctx.maybe_person()).await?;
        if !matches!(keeper, treasurer::Keeper::Staff(_)) {
            return Err(AppError::Forbidden);
        }
        let group = crate::groups::service::lookups::group_ref_by_slug(&ctx.db, group.trim())
            .await?
            .ok_or_else(|| AppError::invalid("group", "No group has that address."))?;
        treasurer::name_treasurer(&ctx.db, &keeper, group.id, &email).await?;
        redirect_to("/treasurer?named=1");
        Ok(())
    })
    .await
}
