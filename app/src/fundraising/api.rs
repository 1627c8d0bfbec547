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
        service::{checks, offline, provider, reports, totals, treasurer},
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
            donations: {
                let rows = treasurer::donations(&ctx.db, &keeper, &filter).await?;
                treasurer::record_viewing(&ctx.db, &keeper, &rows, "donations").await?;
                rows
            },
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
                let api = provider::provider(&ctx.state);
                let dyn_api = api.as_deref().map(|p| p as &dyn provider::PaymentProvider);
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
        let gift = offline::OfflineGift {
            page_id,
            donor_name: &donor_name,
            donor_email: &donor_email,
            donor_address: &donor_address,
            donor_postcode: &donor_postcode,
            amount: &amount,
            note: &note,
        };
        let page = offline::record_offline(&ctx.db, &keeper, &gift).await?;
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

/// Makes a donation page: staff for the party's national appeals, organisers of an
/// official group (the Creators' rule) for its campaigns. Then opens it.
#[server(endpoint = "fundraising/new-page")]
pub async fn create_donation_page(
    group: String,
    slug: String,
    title: String,
    story: String,
    target: String,
    suggested: String,
    maximum: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::fundraising::{model::parse_pounds, service::pages};
        let group = group.trim();
        let group_id = if group.is_empty() {
            None
        } else {
            let found = crate::groups::service::lookups::group_ref_by_slug(&ctx.db, group)
                .await?
                .ok_or_else(|| AppError::invalid("group", "No group has that address."))?;
            Some(found.id)
        };
        crate::outreach::service::senders::sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        let target = parse_pounds(&target)
            .filter(|p| *p > 0)
            .ok_or_else(|| AppError::invalid("target", "Give the target in pounds, such as 5000."))?;
        let maximum = parse_pounds(&maximum)
            .filter(|p| *p >= 100)
            .ok_or_else(|| AppError::invalid("maximum", "Give the largest gift in pounds, £1 or more."))?;
        let suggested: Vec<i64> = suggested
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| parse_pounds(s).filter(|p| (100..=maximum).contains(p)))
            .collect::<Option<Vec<_>>>()
            .filter(|s| !s.is_empty() && s.len() <= 6)
            .ok_or_else(|| {
                AppError::invalid("suggested", "Give up to six amounts in pounds, separated by commas, each up to the largest gift.")
            })?;
        if story.chars().count() > 20_000 {
            return Err(AppError::invalid("story", "Keep the story under 20,000 characters."));
        }
        let made = pages::create_page(
            &ctx.db,
            pages::NewPage {
                slug: &slug,
                group_id,
                title: &title,
                story: &story,
                target_pence: target,
                suggested: &suggested,
                max_pence: maximum,
                created_by: ctx.maybe_person().map(|p| p.id),
            },
        )
        .await?;
        redirect_to(&format!("/donate/{}", made.slug));
        Ok(())
    })
    .await
}
