//! The treasurer's books: who may keep them (staff: every gift; an official group's
//! named treasurer: that group's), the list of gifts with filters and its CSV, and the
//! log of what treasurers did. The queue and returns are in `checks`, reports and split
//! gifts in `reports`.

use crate::{
    auth::{
        model::{PersonView, Role},
        service::directory::{names_of, person_ref_by_email},
    },
    error::{AppError, AppResult},
    format::format_when,
    fundraising::{
        entity::{audit, donation, fund_page, payment, treasurer},
        model::books::{AuditRow, DonationFilter, DonationRow, PageChoice},
    },
    groups::service::lookups::group_names,
    ui::escape::csv_row,
};
use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait, Func, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::collections::HashMap;

/// Whose gifts a treasurer keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keeper {
    /// Staff: every gift, the central party's and every group's.
    Staff(PersonView),
    /// A group's named treasurer: that group's gifts.
    Group(PersonView, Vec<i32>),
}

impl Keeper {
    pub fn person(&self) -> &PersonView {
        match self {
            Keeper::Staff(p) | Keeper::Group(p, _) => p,
        }
    }

    /// Whether this treasurer keeps gifts to `group_id` (None: the central party).
    pub fn keeps(&self, group_id: Option<i32>) -> bool {
        match (self, group_id) {
            (Keeper::Staff(_), _) => true,
            (Keeper::Group(_, groups), Some(id)) => groups.contains(&id),
            (Keeper::Group(..), None) => false,
        }
    }

    fn condition(&self) -> Condition {
        match self {
            Keeper::Staff(_) => Condition::all(),
            Keeper::Group(_, groups) => {
                Condition::all().add(donation::Column::GroupId.is_in(groups.clone()))
            }
        }
    }
}

/// Checks `viewer` keeps books: staff, or a group's named treasurer.
pub async fn keeper(db: &impl ConnectionTrait, viewer: Option<&PersonView>) -> AppResult<Keeper> {
    let person = viewer.ok_or(AppError::Unauthenticated)?;
    if person.has_role(Role::Staff) {
        return Ok(Keeper::Staff(person.clone()));
    }
    let groups: Vec<i32> = treasurer::Entity::find()
        .select_only()
        .column(treasurer::Column::GroupId)
        .filter(treasurer::Column::AccountId.eq(person.id))
        .into_tuple()
        .all(db)
        .await?;
    if groups.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(Keeper::Group(person.clone(), groups))
}

/// Staff name a group's treasurer by their account's email (one per group).
pub async fn name_treasurer(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    group_id: i32,
    email: &str,
) -> AppResult<()> {
    let Keeper::Staff(staff) = keeper else {
        return Err(AppError::Forbidden);
    };
    let account = person_ref_by_email(db, email.trim())
        .await?
        .ok_or_else(|| AppError::invalid("email", "No account has that email address."))?;
    if group_names(db, vec![group_id]).await?.is_empty() {
        return Err(AppError::NotFound);
    }
    treasurer::Entity::insert(treasurer::ActiveModel {
        group_id: Set(group_id),
        account_id: Set(account.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(treasurer::Column::GroupId)
            .update_column(treasurer::Column::AccountId)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    log(
        db,
        staff.id,
        Some(group_id),
        "treasurer named",
        &format!("account {}", account.id),
    )
    .await
}

/// Keeps a line in the treasurer's log.
pub async fn log(
    db: &impl ConnectionTrait,
    actor: i32,
    group_id: Option<i32>,
    action: &str,
    detail: &str,
) -> AppResult<()> {
    audit::Entity::insert(audit::ActiveModel {
        actor_id: Set(actor),
        group_id: Set(group_id),
        action: Set(action.to_string()),
        detail: Set(detail.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The gifts `keeper` keeps that match `filter`, newest first.
pub async fn donations(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    filter: &DonationFilter,
) -> AppResult<Vec<DonationRow>> {
    let mut query = donation::Entity::find()
        .filter(keeper.condition())
        .order_by_desc(donation::Column::Id)
        .limit(2_000);
    if !filter.status.is_empty() {
        query = query.filter(donation::Column::Status.eq(filter.status.as_str()));
    }
    let donor = filter.donor.trim().to_lowercase();
    if !donor.is_empty() {
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(donation::Column::DonorName)))
                        .like(format!("%{donor}%")),
                )
                .add(donation::Column::DonorEmail.contains(&donor)),
        );
    }
    if let Some(over) = filter.over_pence {
        query = query.filter(donation::Column::AmountPence.gt(over));
    }
    rows(db, query.all(db).await?).await
}

/// Records in the access log that `keeper` saw these donors' details (`what`: where).
pub async fn record_viewing(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    rows: &[DonationRow],
    what: &str,
) -> AppResult<()> {
    use crate::personal_data::access_log::{record, Viewed, Viewing};
    let mut donors: Vec<String> = rows
        .iter()
        .map(|r| r.donor_email.clone())
        .filter(|e| !e.is_empty())
        .collect();
    donors.sort();
    donors.dedup();
    let role = match keeper {
        Keeper::Staff(_) => "staff (treasurer)",
        Keeper::Group(..) => "local party treasurer",
    };
    let viewing = Viewing {
        viewer_id: keeper.person().id,
        viewer_role: role,
        what,
    };
    record(db, viewing, donors.into_iter().map(Viewed::Guest)).await
}

/// Gifts as the treasurer reads them.
pub async fn rows(
    db: &impl ConnectionTrait,
    gifts: Vec<donation::Model>,
) -> AppResult<Vec<DonationRow>> {
    let ids: Vec<i32> = gifts.iter().map(|g| g.id).collect();
    let received: HashMap<i32, i64> = payment::Entity::find()
        .select_only()
        .column(payment::Column::DonationId)
        .column_as(
            Expr::cust("CAST(SUM(amount_pence - refunded_pence) AS BIGINT)"),
            "received",
        )
        .filter(payment::Column::DonationId.is_in(ids))
        .group_by(payment::Column::DonationId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let titles: HashMap<i32, String> = fund_page::Entity::find()
        .select_only()
        .columns([fund_page::Column::Id, fund_page::Column::Title])
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let groups = group_names(db, gifts.iter().filter_map(|g| g.group_id).collect()).await?;
    Ok(gifts
        .into_iter()
        .map(|g| DonationRow {
            id: g.id,
            page_title: titles.get(&g.page_id).cloned().unwrap_or_default(),
            recipient: recipient_name(&groups, g.group_id),
            received_pence: received.get(&g.id).copied().unwrap_or(0),
            given: format_when(g.created_at),
            given_iso: g.created_at.to_rfc3339(),
            donor_name: g.donor_name,
            donor_email: g.donor_email,
            donor_address: g.donor_address,
            donor_postcode: g.donor_postcode,
            frequency: g.frequency,
            amount_pence: g.amount_pence,
            status: g.status,
            check_state: g.check_state,
            offline_note: g.offline_note,
        })
        .collect())
}

/// Who a gift went to, by name.
pub fn recipient_name(groups: &HashMap<i32, String>, group_id: Option<i32>) -> String {
    match group_id {
        None => "Central party".to_string(),
        Some(id) => groups
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("Group {id}")),
    }
}

/// The list as CSV, every field made formula-safe.
pub fn donations_csv(rows: &[DonationRow]) -> String {
    let mut out = csv_row(&[
        "Id",
        "Given",
        "Recipient",
        "Page",
        "Donor",
        "Email",
        "Address",
        "Postcode",
        "Frequency",
        "Amount (£)",
        "Received (£)",
        "Status",
        "Permissibility",
        "Note",
    ]);
    for r in rows {
        out.push_str(&csv_row(&[
            r.id.to_string(),
            r.given_iso.clone(),
            r.recipient.clone(),
            r.page_title.clone(),
            r.donor_name.clone(),
            r.donor_email.clone(),
            r.donor_address.clone(),
            r.donor_postcode.clone(),
            r.frequency.clone(),
            pounds_plain(r.amount_pence),
            pounds_plain(r.received_pence),
            r.status.clone(),
            r.check_state.clone(),
            r.offline_note.clone().unwrap_or_default(),
        ]));
    }
    out
}

/// "25.00": pounds as a spreadsheet reads them.
pub fn pounds_plain(pence: i64) -> String {
    format!("{}.{:02}", pence / 100, (pence % 100).abs())
}

/// The log of what the treasurers of `keeper`'s books did, newest first.
pub async fn audit_log(db: &impl ConnectionTrait, keeper: &Keeper) -> AppResult<Vec<AuditRow>> {
    let mut query = audit::Entity::find()
        .order_by_desc(audit::Column::Id)
        .limit(200);
    if let Keeper::Group(_, groups) = keeper {
        query = query.filter(audit::Column::GroupId.is_in(groups.clone()));
    }
    let entries = query.all(db).await?;
    let names = names_of(db, entries.iter().map(|e| e.actor_id)).await?;
    Ok(entries
        .into_iter()
        .map(|e| AuditRow {
            when: format_when(e.created_at),
            who: names
                .get(&e.actor_id)
                .cloned()
                .unwrap_or_else(|| "a former member".into()),
            action: e.action,
            detail: e.detail,
        })
        .collect())
}

/// The donation pages whose gifts `keeper` keeps.
pub async fn pages_kept(db: &impl ConnectionTrait, keeper: &Keeper) -> AppResult<Vec<PageChoice>> {
    let mut query = fund_page::Entity::find().order_by_asc(fund_page::Column::Title);
    if let Keeper::Group(_, groups) = keeper {
        query = query.filter(fund_page::Column::GroupId.is_in(groups.clone()));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|p| PageChoice {
            id: p.id,
            title: p.title,
        })
        .collect())
}
