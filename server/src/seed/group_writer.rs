//! Turns the plan's groups into chunks, after the people and before the events. A chunk
//! holds whole groups with their members, threads and posts in foreign-key order, so
//! group chunks may be written in any order (and side by side) once the people are in.

use super::{
    demo_groups::GROUPS,
    drafts::Drafter,
    forum::{write_demo_forum, write_generated_forum, ForumWriter},
    generate::Chunk,
    groups::{demo_group, generated_group, GroupDraft},
    people::IdBase,
    schedule::london,
    sql::Batch,
};
use app::groups::model::{MemberState, Notify};
use chrono::{DateTime, Utc};
use tokio::sync::mpsc::Sender;

/// A chunk is sent once it holds this many groups, or memberships and posts together.
const GROUPS_PER_CHUNK: u64 = 5_000;
const ROWS_PER_CHUNK: u64 = 40_000;

const GROUP_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name",
    "description",
    "topic",
    "postcode",
    "latitude",
    "longitude",
    "place_cell",
    "joining",
    "verified",
    "member_count",
    "created_by",
    "created_at",
];
const MEMBER_COLUMNS: &[&str] = &[
    "id",
    "group_id",
    "person_id",
    "role",
    "state",
    "notify",
    "digest_sent_at",
    "created_at",
];

/// Sends the demo groups and the plan's generated groups to `to`, with their members and
/// forums. False when the loader has gone.
pub fn generate_groups(drafter: &Drafter, ids: &IdBase, to: &Sender<Chunk>) -> bool {
    let plan = drafter.plan;
    // The last daily digest went out at midnight, so none is due when the server starts.
    let mut writer = GroupWriter::new(ids, london(plan.today, 0, 0, 0));
    for f in 0..GROUPS.len() {
        let id = ids.demo_group(f);
        writer.add(&demo_group(drafter, ids, f), id);
        write_demo_forum(plan, ids, f, id, &mut writer.forum);
    }
    for g in 0..plan.generated_groups() {
        let (group, id) = (generated_group(drafter, ids, g), ids.generated_group(g));
        writer.add(&group, id);
        write_generated_forum(plan, g, &group, id, &mut writer.forum);
        if writer.full() && to.blocking_send(writer.take()).is_err() {
            return false;
        }
    }
    to.blocking_send(writer.take()).is_ok()
}

/// Accumulates groups, memberships, threads and posts into one chunk.
struct GroupWriter {
    next_member: i64,
    digest_sent_at: DateTime<Utc>,
    groups: Batch,
    members: Batch,
    forum: ForumWriter,
    group_count: u64,
    member_count: u64,
}

impl GroupWriter {
    fn new(ids: &IdBase, digest_sent_at: DateTime<Utc>) -> Self {
        Self {
            next_member: ids.members,
            digest_sent_at,
            groups: Batch::new("groups", GROUP_COLUMNS),
            members: Batch::new("group_members", MEMBER_COLUMNS),
            forum: ForumWriter::new(ids),
            group_count: 0,
            member_count: 0,
        }
    }

    /// Writes the group as `id` with its memberships; its count is its active members.
    fn add(&mut self, group: &GroupDraft, id: i64) {
        let active = group
            .members
            .iter()
            .filter(|m| m.state == MemberState::Active)
            .count();
        let created_by = group.members.first().map_or(0, |m| m.person_id);
        self.groups
            .row()
            .int(id)
            .text(&group.slug)
            .text(&group.name)
            .text(&group.description)
            .text(group.topic)
            .text(&group.postcode)
            .float(group.at.latitude)
            .float(group.at.longitude)
            .int(group.at.place_cell().into())
            .text(if group.approval { "approval" } else { "open" })
            .bool(group.verified)
            .int(active as i64)
            .int(created_by)
            .time(group.created_at);
        for m in &group.members {
            self.next_member += 1;
            let digest = m.notify == Notify::Digest && m.state == MemberState::Active;
            self.members
                .row()
                .int(self.next_member)
                .int(id)
                .int(m.person_id)
                .text(m.role.as_str())
                .text(m.state.as_str())
                .text(m.notify.as_str())
                .opt_time(digest.then_some(self.digest_sent_at.max(m.joined_at)))
                .time(m.joined_at);
        }
        self.group_count += 1;
        self.member_count += group.members.len() as u64;
    }

    fn full(&self) -> bool {
        self.group_count >= GROUPS_PER_CHUNK
            || self.member_count + self.forum.post_count >= ROWS_PER_CHUNK
    }

    /// The chunk so far, with its statements in foreign-key order.
    fn take(&mut self) -> Chunk {
        let mut statements = self.groups.take();
        statements.extend(self.members.take());
        statements.extend(self.forum.threads.take());
        statements.extend(self.forum.posts.take());
        let chunk = Chunk {
            statements,
            groups: self.group_count,
            members: self.member_count,
            threads: self.forum.thread_count,
            posts: self.forum.post_count,
            ..Default::default()
        };
        (self.group_count, self.member_count) = (0, 0);
        (self.forum.thread_count, self.forum.post_count) = (0, 0);
        chunk
    }
}
