//! Forum threads and their posts for seeded groups: the demo threads as listed, and a few
//! threads in every generated group, written by its active members, with replies spread
//! over the days after each thread was started. The benchmark's group has one thread of
//! `SeedPlan::LONG_THREAD_REPLIES` replies.

use super::{
    demo_groups::{GROUPS, THREADS},
    forum_wording::{self, paragraphs_html},
    groups::GroupDraft,
    people::IdBase,
    plan::SeedPlan,
    rng::{Rng, Stream},
    schedule::london,
    sql::Batch,
};
use chrono::{DateTime, Duration, Utc};

const THREAD_COLUMNS: &[&str] = &[
    "id",
    "group_id",
    "author_id",
    "title",
    "pinned",
    "locked",
    "post_count",
    "last_post_at",
    "created_at",
];
const POST_COLUMNS: &[&str] = &[
    "id",
    "thread_id",
    "author_id",
    "body",
    "body_html",
    "quote_of",
    "hidden_at",
    "hidden_by",
    "deleted_at",
    "edited_at",
    "created_at",
];
/// The long thread runs over this many days before today.
const LONG_THREAD_DAYS: i64 = 120;
const HIDDEN_SHARE: f64 = 0.004;
const DELETED_SHARE: f64 = 0.003;

/// A post before it is written.
struct PostDraft {
    author_id: i64,
    body: String,
    at: DateTime<Utc>,
    hidden: bool,
    deleted: bool,
}

/// Threads and posts, numbered on from the highest ids, and how many of each.
#[derive(Debug)]
pub struct ForumWriter {
    next_thread: i64,
    next_post: i64,
    pub threads: Batch,
    pub posts: Batch,
    pub thread_count: u64,
    pub post_count: u64,
}

impl ForumWriter {
    pub fn new(ids: &IdBase) -> Self {
        Self {
            next_thread: ids.threads,
            next_post: ids.posts,
            threads: Batch::new("forum_threads", THREAD_COLUMNS),
            posts: Batch::new("forum_posts", POST_COLUMNS),
            thread_count: 0,
            post_count: 0,
        }
    }

    /// A thread of `posts` (the first opens it); `moderator` hides any hidden ones.
    fn thread(
        &mut self,
        group_id: i64,
        title: &str,
        (pinned, locked): (bool, bool),
        moderator: i64,
        posts: &[PostDraft],
    ) {
        let (Some(first), Some(last)) = (posts.first(), posts.last()) else {
            return;
        };
        self.next_thread += 1;
        let thread_id = self.next_thread;
        self.threads
            .row()
            .int(thread_id)
            .int(group_id)
            .int(first.author_id)
            .text(title)
            .bool(pinned)
            .bool(locked)
            .int(posts.len() as i64)
            .time(last.at)
            .time(first.at);
        for post in posts {
            self.next_post += 1;
            let (body, html) = if post.deleted {
                (String::new(), String::new())
            } else {
                (post.body.clone(), paragraphs_html(&post.body))
            };
            self.posts
                .row()
                .int(self.next_post)
                .int(thread_id)
                .int(post.author_id)
                .text(&body)
                .text(&html)
                .null()
                .opt_time(post.hidden.then(|| post.at + Duration::hours(1)))
                .opt_int(post.hidden.then_some(moderator))
                .opt_time(post.deleted.then(|| post.at + Duration::minutes(10)))
                .null()
                .time(post.at);
        }
        self.thread_count += 1;
        self.post_count += posts.len() as u64;
    }
}

/// The demo threads of demo group `f`.
pub fn write_demo_forum(
    plan: &SeedPlan,
    ids: &IdBase,
    f: usize,
    group_id: i64,
    out: &mut ForumWriter,
) {
    let owner = ids.demo_person(GROUPS[f].members[0].0);
    for thread in THREADS.iter().filter(|t| t.group == f) {
        let posts: Vec<PostDraft> = thread
            .posts
            .iter()
            .map(|p| PostDraft {
                author_id: ids.demo_person(p.author),
                body: p.body.to_string(),
                at: london(plan.today, p.days, p.hour, 0),
                hidden: false,
                deleted: false,
            })
            .collect();
        out.thread(
            group_id,
            thread.title,
            (thread.pinned, false),
            owner,
            &posts,
        );
    }
}

/// The threads of generated group `g`: one to five, by its size.
pub fn write_generated_forum(
    plan: &SeedPlan,
    g: u64,
    group: &GroupDraft,
    group_id: i64,
    out: &mut ForumWriter,
) {
    let authors = group.active_ids();
    let Some(&owner) = authors.first() else {
        return;
    };
    let mut rng = Rng::for_item(plan.seed, Stream::Thread, g);
    let today = london(plan.today, 0, 0, 0);
    let threads = 1 + rng.below(1 + (authors.len() as u64 / 8).min(4));
    for t in 0..threads {
        let long = t == 0 && g == 0 && plan.long_thread();
        let age = (today - group.created_at).num_minutes().max(2);
        let (started, window, replies) = if long {
            let started = group
                .created_at
                .max(today - Duration::days(LONG_THREAD_DAYS));
            let window = (today - started).num_minutes();
            (started, window, SeedPlan::LONG_THREAD_REPLIES)
        } else {
            let started = group.created_at + Duration::minutes(rng.between(0, age - 1));
            let window = (today - started)
                .num_minutes()
                .min(rng.between(1, 21) * 24 * 60);
            let most = (authors.len() as u64 * 2).min(60);
            let replies = (rng.unit().powi(2) * (most + 1) as f64) as u64;
            (started, window, replies)
        };
        let title = if long {
            "Campaign diary: one thread for the whole winter"
        } else {
            forum_wording::title(&mut rng)
        };
        let pinned = long || (t == 0 && rng.chance(0.2));
        let locked = !long && rng.chance(0.03);
        let mut posts = Vec::with_capacity(replies as usize + 1);
        posts.push(PostDraft {
            author_id: if t == 0 { owner } else { *rng.pick(&authors) },
            body: forum_wording::opening(group.town, &mut rng),
            at: started,
            hidden: false,
            deleted: false,
        });
        for i in 0..replies {
            // Evenly spread in order: reply i falls in the i-th of `replies + 1` parts.
            let part = (i as f64 + 0.2 + 0.8 * rng.unit()) / (replies as f64 + 1.0);
            let hidden = rng.chance(HIDDEN_SHARE);
            posts.push(PostDraft {
                author_id: *rng.pick(&authors),
                body: forum_wording::reply(&mut rng),
                at: started + Duration::minutes((window as f64 * part) as i64),
                hidden,
                deleted: !hidden && rng.chance(DELETED_SHARE),
            });
        }
        out.thread(group_id, title, (pinned, locked), owner, &posts);
    }
}
