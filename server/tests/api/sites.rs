//! The Web Creator and widgets: building, publishing and restoring pages, the imprint
//! gate, hostile text, visitors' forms on pages and in widgets, oEmbed, the sitemap, and
//! who may call each server function.

mod editing;
mod images;
mod role_matrix;
mod visitors;
mod widgets;

use crate::{
    events::event_for_group,
    outreach::{official_group, Sender},
    support::Reply,
};

/// The official group's slug in these tests.
pub const SLUG: &str = "sheffield-central-local-party";

/// An official group organised by Olive, with an upcoming event of its own.
pub struct Site {
    pub org: Sender,
    pub event_id: i32,
    pub slot_id: i32,
}

impl Site {
    pub async fn new() -> Site {
        let org = official_group().await;
        let olive = org.app.me(Some(&org.session)).await["id"].as_i64().unwrap() as i32;
        let (event_id, slot_id) = event_for_group(&org.app, olive, "20", Some(org.group_id)).await;
        Site {
            org,
            event_id,
            slot_id,
        }
    }

    /// Calls `sites/{what}` as Olive with the group's slug added.
    pub async fn call(&self, what: &str, form: &[(&str, &str)]) -> Reply {
        let mut fields = vec![("group", SLUG)];
        fields.extend_from_slice(form);
        self.org
            .app
            .call(
                &format!("/api/sites/{what}"),
                &fields,
                Some(&self.org.session),
            )
            .await
    }

    /// The page editor's view of `page`, as Olive.
    pub async fn editor(&self, page: &str) -> serde_json::Value {
        let reply = self.call("page", &[("page", page)]).await;
        assert!(reply.succeeded(), "{}", reply.body);
        reply.json()
    }

    pub async fn version(&self, page: &str) -> String {
        self.editor(page).await["version"].to_string()
    }

    /// Sets the imprint, as Olive.
    pub async fn set_imprint(&self) {
        let saved = self
            .call(
                "settings",
                &[
                    ("promoter_name", "Olive Organiser"),
                    ("promoter_address", "1 High Street, Sheffield S1 2AB"),
                    ("accent", "teal"),
                ],
            )
            .await;
        assert!(saved.succeeded(), "{}", saved.body);
    }

    /// Adds a block of `kind` to `page` and saves its form.
    pub async fn add_block(&self, page: &str, kind: &str, fields: &[(&str, &str)]) -> Reply {
        let version = self.version(page).await;
        let added = self
            .call(
                "add-block",
                &[("page", page), ("version", &version), ("kind", kind)],
            )
            .await;
        assert!(added.succeeded(), "{}", added.body);
        let editor = self.editor(page).await;
        let index = (editor["blocks"].as_array().unwrap().len() - 1).to_string();
        let version = editor["version"].to_string();
        let mut form = vec![
            ("page", page),
            ("version", version.as_str()),
            ("index", index.as_str()),
        ];
        form.extend_from_slice(fields);
        self.call("save-block", &form).await
    }

    pub async fn publish(&self, page: &str) -> Reply {
        let version = self.version(page).await;
        self.call("publish", &[("page", page), ("version", &version)])
            .await
    }

    /// A published home page with text, events and a join block.
    pub async fn published_home(&self) {
        self.set_imprint().await;
        for (kind, fields) in [
            (
                "text",
                vec![("markdown", "Welcome to **Sheffield Central**.")],
            ),
            ("events", vec![("heading", "Coming up"), ("limit", "5")]),
            ("join", vec![("heading", "Stay in touch")]),
        ] {
            let saved = self.add_block("home", kind, &fields).await;
            assert!(saved.succeeded(), "{}", saved.body);
        }
        assert!(self.publish("home").await.succeeded());
    }
}
