//! The people of the role matrix, signed in once, and a fresh group in which each of
//! them stands where their name says.

use super::super::{add_member, group_owned_by, invite, person_id, post_by, thread_by, TestApp};
use app::groups::policy::{Access, Standing};

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persona {
    Owner,
    Organiser,
    Member,
    Pending,
    Banned,
    NonMember,
    Staff,
    Anonymous,
}

pub const PERSONAS: [Persona; 8] = [
    Persona::Owner,
    Persona::Organiser,
    Persona::Member,
    Persona::Pending,
    Persona::Banned,
    Persona::NonMember,
    Persona::Staff,
    Persona::Anonymous,
];

impl Persona {
    pub fn access(self) -> Access {
        let standing = match self {
            Persona::Owner => Standing::Owner,
            Persona::Organiser => Standing::Organiser,
            Persona::Member => Standing::Member,
            Persona::Pending => Standing::Pending,
            Persona::Banned => Standing::Banned,
            Persona::NonMember | Persona::Staff => Standing::NonMember,
            Persona::Anonymous => Standing::Anonymous,
        };
        Access {
            standing,
            staff: self == Persona::Staff,
        }
    }
}

/// The people, signed in once for the whole test.
pub struct Cast {
    pub people: Vec<(Persona, i32, String)>,
    pub victim: i32,
    pub applicant: i32,
}

impl Cast {
    pub async fn new(app: &TestApp) -> Self {
        let mut people = Vec::new();
        for (persona, name) in [
            (Persona::Owner, "Olive Owner"),
            (Persona::Organiser, "Oscar Organiser"),
            (Persona::Member, "Mina Member"),
            (Persona::Pending, "Pat Pending"),
            (Persona::Banned, "Bob Banned"),
            (Persona::NonMember, "Nadia Nonmember"),
        ] {
            let email = format!(
                "{}@example.org",
                name.split(' ').next().unwrap().to_lowercase()
            );
            let token = app.signed_in(name, &email).await;
            people.push((persona, person_id(app, &email).await, token));
        }
        let staff = app.signed_in_staff().await;
        people.push((
            Persona::Staff,
            person_id(app, "stella@example.org").await,
            staff,
        ));
        Self {
            people,
            victim: app.create_person("Vic Victim", "vic@example.org").await,
            applicant: app.create_person("Abe Applicant", "abe@example.org").await,
        }
    }

    pub fn id(&self, persona: Persona) -> i32 {
        self.people
            .iter()
            .find(|p| p.0 == persona)
            .map(|p| p.1)
            .unwrap_or(0)
    }

    pub fn token(&self, persona: Persona) -> Option<&str> {
        self.people
            .iter()
            .find(|p| p.0 == persona)
            .map(|p| p.2.as_str())
    }
}

/// A fresh group in which each persona stands where their name says.
pub struct Fixture {
    pub group: i32,
    pub thread: i32,
    /// Posts by owner, organiser, member and banned (written before the ban).
    pub own_posts: Vec<(Persona, i32)>,
    pub victim_post: i32,
    pub invite_token: String,
}

impl Fixture {
    pub async fn new(app: &TestApp, cast: &Cast, n: usize) -> Self {
        let group = group_owned_by(
            app,
            cast.id(Persona::Owner),
            &format!("Matrix {n}"),
            "approval",
        )
        .await;
        add_member(
            app,
            group,
            cast.id(Persona::Organiser),
            "organiser",
            "active",
        )
        .await;
        add_member(app, group, cast.id(Persona::Member), "member", "active").await;
        add_member(app, group, cast.id(Persona::Pending), "member", "pending").await;
        add_member(app, group, cast.id(Persona::Banned), "member", "banned").await;
        add_member(app, group, cast.victim, "member", "active").await;
        add_member(app, group, cast.applicant, "member", "pending").await;
        let thread = thread_by(app, group, cast.id(Persona::Member)).await;
        let mut own_posts = Vec::new();
        for persona in [
            Persona::Owner,
            Persona::Organiser,
            Persona::Member,
            Persona::Banned,
        ] {
            own_posts.push((persona, post_by(app, thread, cast.id(persona)).await));
        }
        let victim_post = post_by(app, thread, cast.victim).await;
        let invite_token = invite(app, group, cast.id(Persona::Owner)).await;
        Self {
            group,
            thread,
            own_posts,
            victim_post,
            invite_token,
        }
    }

    /// The persona's own post, or the member's for those who have none.
    pub fn own_post(&self, persona: Persona) -> i32 {
        let find = |p| {
            self.own_posts
                .iter()
                .find(|(who, _)| *who == p)
                .map(|(_, id)| *id)
        };
        find(persona).or_else(|| find(Persona::Member)).unwrap()
    }
}
