//! The consent rules as a property: no run of strangers' forms, in any order, changes
//! what an address agreed to or the details stored under it.

use super::*;

/// As a property: whatever a run of strangers' forms under Ann's address ticks or leaves
/// unticked, in whatever order and to whichever slots, Ann's consent in force and her
/// stored details never change (nobody confirms a link).
#[tokio::test]
async fn no_run_of_strangers_forms_ever_changes_the_addresss_consent_or_details() {
    use rand::{rngs::StdRng, Rng, SeedableRng};
    for round in 0..8u64 {
        let app = TestApp::spawn().await;
        let mut rng = StdRng::seed_from_u64(18 + round);
        let slots = [
            event_with_capacity(&app, "2").await.1,
            event_with_capacity(&app, "").await.1,
        ];
        let (email_on, sms_on) = (rng.gen_bool(0.5), rng.gen_bool(0.5));
        chosen(&app, "ann@example.org", Channel::Email, email_on, None).await;
        chosen(
            &app,
            "ann@example.org",
            Channel::Sms,
            sms_on,
            Some("+447700900001"),
        )
        .await;
        let ann = form(
            "Ann",
            "ann@example.org",
            "07700 900001",
            "M1 1AE",
            false,
            false,
        );
        sign_up(&app.db, slots[0], &ann, "http://x").await.unwrap();
        let details_before = details_of(&app, "ann@example.org").await;

        for n in 0..rng.gen_range(1..8) {
            let phone = if rng.gen_bool(0.5) {
                "07700 900999"
            } else {
                ""
            };
            // The text box can only be ticked with a number given.
            let sms_ticked = !phone.is_empty() && rng.gen_bool(0.5);
            let stranger = form(
                &format!("Stranger {n}"),
                "ann@example.org",
                phone,
                if rng.gen_bool(0.5) { "SW1A 1AA" } else { "" },
                rng.gen_bool(0.5),
                sms_ticked,
            );
            let slot = slots[rng.gen_range(0..slots.len())];
            sign_up(&app.db, slot, &stranger, "http://x").await.unwrap();
        }

        assert_eq!(
            consents(&app, "ann@example.org", Channel::Email).await,
            email_on,
            "round {round}"
        );
        assert_eq!(
            consents(&app, "ann@example.org", Channel::Sms).await,
            sms_on,
            "round {round}"
        );
        let details_after = details_of(&app, "ann@example.org").await;
        assert_eq!(details_after[0], details_before[0], "round {round}");
        for row in &details_after {
            assert_eq!(row, &details_before[0], "a new row takes Ann's own details");
        }
    }
}
