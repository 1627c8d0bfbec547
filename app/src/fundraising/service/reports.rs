//! Reporting and split gifts, from the payments actually received: each donor's gifts to
//! each recipient (the central party, or a group as an accounting unit) run through
//! `model::law`, with the thresholds staff may change in the site's settings.

use crate::{
    error::AppResult,
    fundraising::{
        entity::{donation, payment},
        model::{
            books::{ReportLine, SplitAlert},
            law::{self, Gift, Thresholds},
        },
        service::treasurer::{pounds_plain, recipient_name, Keeper},
    },
    groups::service::lookups::group_names,
    site_settings,
    ui::escape::csv_row,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};

/// The settings' names for the thresholds (pence).
pub const CENTRAL_FIRST: &str = "report_threshold_central_first";
pub const CENTRAL_FURTHER: &str = "report_threshold_central_further";
pub const UNIT: &str = "report_threshold_unit";

/// The thresholds in force: the settings, or the law's defaults.
pub async fn thresholds(db: &impl ConnectionTrait) -> AppResult<Thresholds> {
    let defaults = Thresholds::default();
    let read = |value: Option<String>, default: i64| {
        value
            .and_then(|v| v.parse::<i64>().ok())
            .filter(|v| *v > 0)
            .unwrap_or(default)
    };
    Ok(Thresholds {
        central_first: read(
            site_settings::text(db, CENTRAL_FIRST).await?,
            defaults.central_first,
        ),
        central_further: read(
            site_settings::text(db, CENTRAL_FURTHER).await?,
            defaults.central_further,
        ),
        unit: read(site_settings::text(db, UNIT).await?, defaults.unit),
    })
}

/// A payment received, with its gift.
type Received = (payment::Model, donation::Model);

/// Every payment received in `keeper`'s books with its gift, oldest first.
async fn received(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
) -> AppResult<Vec<(payment::Model, donation::Model)>> {
    let gifts: HashMap<i32, donation::Model> = donation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|g| keeper.keeps(g.group_id))
        .map(|g| (g.id, g))
        .collect();
    let mut paid: Vec<(payment::Model, donation::Model)> = payment::Entity::find()
        .filter(payment::Column::DonationId.is_in(gifts.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| p.amount_pence > p.refunded_pence)
        .filter_map(|p| gifts.get(&p.donation_id).cloned().map(|g| (p, g)))
        .collect();
    paid.sort_by_key(|(p, _)| (p.paid_at, p.id));
    Ok(paid)
}

fn as_gift(paid: &payment::Model) -> Gift {
    Gift {
        id: paid.id,
        at: paid.paid_at,
        pence: paid.amount_pence - paid.refunded_pence,
    }
}

/// The report lines and the split-gift alerts for `keeper`'s books.
pub async fn reports_and_splits(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
) -> AppResult<(Vec<ReportLine>, Vec<SplitAlert>)> {
    let paid = received(db, keeper).await?;
    let thresholds = thresholds(db).await?;
    let groups = group_names(db, paid.iter().filter_map(|(_, g)| g.group_id).collect()).await?;
    let mut by_donor: BTreeMap<(Option<i32>, String), Vec<&Received>> = BTreeMap::new();
    let mut by_address: BTreeMap<(Option<i32>, String), Vec<&Received>> = BTreeMap::new();
    // Erased donors' small gifts name nobody: nothing to add up across them.
    for row in paid.iter().filter(|(_, g)| !g.donor_email.is_empty()) {
        by_donor
            .entry((row.1.group_id, row.1.donor_email.clone()))
            .or_default()
            .push(row);
        let home = format!(
            "{} {}",
            row.1
                .donor_address
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            row.1.donor_postcode.to_uppercase().replace(' ', "")
        );
        by_address
            .entry((row.1.group_id, home))
            .or_default()
            .push(row);
    }
    let mut reports = Vec::new();
    let mut splits = Vec::new();
    for ((group_id, email), rows) in &by_donor {
        let gifts: Vec<Gift> = rows.iter().map(|(p, _)| as_gift(p)).collect();
        let last = &rows[rows.len() - 1].1;
        for line in law::reportable(&gifts, group_id.is_none(), &thresholds) {
            reports.push(ReportLine {
                year: line.year,
                quarter: line.quarter,
                recipient: recipient_name(&groups, *group_id),
                donor_name: last.donor_name.clone(),
                donor_address: last.donor_address.clone(),
                donor_postcode: last.donor_postcode.clone(),
                total_pence: line.total_pence,
                gifts: line.gift_ids.len(),
            });
        }
        splits.extend(split_alerts(rows, email, "the same email address"));
    }
    for ((_, home), rows) in &by_address {
        let donors: std::collections::HashSet<&str> =
            rows.iter().map(|(_, g)| g.donor_email.as_str()).collect();
        // One donor's split gifts are already flagged by their address above.
        if donors.len() > 1 {
            splits.extend(split_alerts(rows, home, "the same home address"));
        }
    }
    reports.sort_by_key(|r| std::cmp::Reverse((r.year, r.quarter)));
    Ok((reports, splits))
}

fn split_alerts(
    rows: &[&(payment::Model, donation::Model)],
    donor: &str,
    by: &str,
) -> Vec<SplitAlert> {
    let gifts: Vec<Gift> = rows.iter().map(|(p, _)| as_gift(p)).collect();
    let donation_of: HashMap<i32, i32> = rows.iter().map(|(p, g)| (p.id, g.id)).collect();
    let pence_of: HashMap<i32, i64> = gifts.iter().map(|g| (g.id, g.pence)).collect();
    law::split_gifts(&gifts)
        .into_iter()
        .map(|ids| {
            let mut donation_ids: Vec<i32> = ids
                .iter()
                .filter_map(|id| donation_of.get(id).copied())
                .collect();
            donation_ids.dedup();
            SplitAlert {
                donor: donor.to_string(),
                by: by.to_string(),
                total_pence: ids.iter().filter_map(|id| pence_of.get(id)).sum(),
                donation_ids,
            }
        })
        .collect()
}

/// The report lines as CSV in the columns of the Electoral Commission's quarterly
/// donation report, every field made formula-safe.
pub fn report_csv(lines: &[ReportLine]) -> String {
    let mut out = csv_row(&[
        "Year",
        "Quarter",
        "Accounting unit",
        "Donor name",
        "Donor status",
        "Address",
        "Postcode",
        "Value (£)",
        "Number of gifts",
        "Nature of donation",
    ]);
    for line in lines {
        out.push_str(&csv_row(&[
            line.year.to_string(),
            format!("Q{}", line.quarter),
            line.recipient.clone(),
            line.donor_name.clone(),
            "Individual".to_string(),
            line.donor_address.clone(),
            line.donor_postcode.clone(),
            pounds_plain(line.total_pence),
            line.gifts.to_string(),
            "Cash".to_string(),
        ]));
    }
    out
}
