//! The demo's fundraising: a national fighting fund and Sheffield Central's election fund,
//! each with gifts already in (recorded as cheques and transfers, so they count without a
//! provider), one of them £750 and so waiting in the permissibility queue. Priya is
//! Sheffield Central's named treasurer. New gifts go through the fake provider.

use super::{person_view, GROUP_NAME, OWNER_EMAIL, STAFF_EMAIL};
use app::{
    auth::model::Role,
    error::{AppError, AppResult},
    fundraising::service::{
        offline::{record_offline, OfflineGift},
        pages::{create_page, NewPage},
        treasurer::{name_treasurer, Keeper},
    },
    groups::{model::group_slug, service::lookups::group_ref_by_slug},
};
use sea_orm::DatabaseConnection;

/// Makes both pages and their first gifts.
pub async fn load(db: &DatabaseConnection) -> AppResult<()> {
    let staff = Keeper::Staff(person_view(db, STAFF_EMAIL, vec![Role::Staff]).await?);
    let group = group_ref_by_slug(db, &group_slug(GROUP_NAME))
        .await?
        .ok_or(AppError::NotFound)?;
    let national = create_page(
        db,
        NewPage {
            slug: "fighting-fund",
            group_id: None,
            title: "The fighting fund",
            story: "Every leaflet, every phone call and every poster is paid for by members \
                    like you. **Small gifts, given regularly, win elections.**",
            target_pence: 5_000_000,
            suggested: &[1_000, 2_500, 5_000, 10_000],
            max_pence: 5_000_000,
            created_by: None,
        },
    )
    .await?;
    let local = create_page(
        db,
        NewPage {
            slug: "sheffield-central-election-fund",
            group_id: Some(group.id),
            title: "Sheffield Central's election fund",
            story: "We need **£5,000** for leaflets and a campaign office before polling \
                    day. Every pound goes on the campaign in Sheffield Central.",
            target_pence: 500_000,
            suggested: &[500, 1_500, 2_500, 5_000],
            max_pence: 1_000_000,
            created_by: None,
        },
    )
    .await?;
    let owner = person_view(db, OWNER_EMAIL, vec![Role::Member, Role::Organiser]).await?;
    name_treasurer(db, &staff, group.id, &owner.email).await?;
    let gifts = [
        (
            national.id,
            "Alex Morgan",
            "alex.morgan@example.org",
            "4 Park Road, Leeds",
            "LS1 4AP",
            "250",
            "Cheque 100231",
        ),
        (
            national.id,
            "Jo Patel",
            "jo.patel@example.org",
            "19 High Street, Manchester",
            "M1 1AE",
            "40",
            "Transfer JP-0412",
        ),
        (
            local.id,
            "Chris Hall",
            "chris.hall@example.org",
            "8 Division Street, Sheffield",
            "S1 4GF",
            "120",
            "Cheque 000187",
        ),
        (
            local.id,
            "Morgan Reid",
            "morgan.reid@example.org",
            "2 Ecclesall Road, Sheffield",
            "S11 8HW",
            "750",
            "Transfer MR-2026",
        ),
    ];
    for (page_id, name, email, address, postcode, amount, note) in gifts {
        let gift = OfflineGift {
            page_id,
            donor_name: name,
            donor_email: email,
            donor_address: address,
            donor_postcode: postcode,
            amount,
            note,
        };
        record_offline(db, &staff, &gift).await?;
    }
    Ok(())
}
