//! The named demo groups, their forum threads, and the demo events run on their behalf.
//! Every demo account belongs to some: the staff account and the organiser own groups, and
//! Sam (the account printed at start-up) organises the official local party.

use app::groups::model::{
    GroupRole::{self, Member, Organiser, Owner},
    MemberState::{self, Active, Pending},
};

/// A demo group, as listed in `GROUPS`.
#[derive(Debug)]
pub struct FixedGroup {
    pub name: &'static str,
    pub slug: &'static str,
    pub description: &'static str,
    pub topic: &'static str,
    pub postcode: &'static str,
    pub approval: bool,
    /// An official local party group.
    pub verified: bool,
    /// Set up this many days before today.
    pub days_old: i64,
    /// Demo accounts in it: (index into `fixtures::PEOPLE`, role, state). The first set
    /// the group up.
    pub members: &'static [(usize, GroupRole, MemberState)],
    /// Generated people living nearby who also belong (fewer when there are fewer people).
    pub others: u64,
}

/// A demo thread: its posts in order, the first opening it.
#[derive(Debug)]
pub struct FixedThread {
    /// Index into `GROUPS`.
    pub group: usize,
    pub title: &'static str,
    pub pinned: bool,
    pub posts: &'static [FixedPost],
}

/// A demo post: by demo account `author` (an active member of the group), `days` after
/// today (so negative), at `hour` London time, in Markdown of plain paragraphs.
#[derive(Debug)]
pub struct FixedPost {
    pub author: usize,
    pub days: i64,
    pub hour: u32,
    pub body: &'static str,
}

/// Sam (index into `fixtures::PEOPLE`): bench.sh signs in as him, so he also belongs to
/// the benchmark's group.
pub const BENCH_READER: usize = 1;

/// Demo events run on behalf of a demo group: (event title in `fixtures::EVENTS`, index
/// into `GROUPS`). Each event's host organises or owns its group.
pub const EVENT_GROUPS: &[(&str, usize)] = &[
    ("Weekly street stall in Sheffield", 0),
    ("Quiz night fundraiser", 1),
];

/// The group demo event `title` is run on behalf of, if any.
pub fn group_of_event(title: &str) -> Option<usize> {
    EVENT_GROUPS
        .iter()
        .find(|(t, _)| *t == title)
        .map(|(_, g)| *g)
}

pub const GROUPS: &[FixedGroup] = &[
    FixedGroup {
        name: "Sheffield Central Local Party",
        slug: "sheffield-central-local-party",
        description: "The official local party for Sheffield Central. We meet on the first Tuesday of the month, run a street stall on Fargate every Saturday and canvass across the constituency. New members are always welcome.",
        topic: "local",
        postcode: "S1 2HH",
        approval: false,
        verified: true,
        days_old: 400,
        members: &[(2, Owner, Active), (1, Organiser, Active), (4, Member, Active), (3, Member, Active)],
        others: 30,
    },
    FixedGroup {
        name: "Leeds Housing Action",
        slug: "leeds-housing-action",
        description: "Tenants and members campaigning for safe, warm and affordable homes in Leeds: repairs done on time, fair rents and more council housing. We ask new members to say hello before we let them in, to keep tenants' stories safe.",
        topic: "housing",
        postcode: "LS6 1AN",
        approval: true,
        verified: false,
        days_old: 200,
        members: &[(2, Owner, Active), (1, Member, Active), (3, Member, Pending)],
        others: 12,
    },
    FixedGroup {
        name: "Manchester Clean Air Campaign",
        slug: "manchester-clean-air-campaign",
        description: "Cleaner air for Manchester's streets and schools: safer routes to school, better buses and a Clean Air Zone that works. We leaflet, lobby councillors and run petitions.",
        topic: "environment",
        postcode: "M4 6DE",
        approval: false,
        verified: false,
        days_old: 150,
        members: &[(1, Owner, Active), (4, Member, Active), (3, Member, Active)],
        others: 18,
    },
    FixedGroup {
        name: "Westminster Campaign Volunteers",
        slug: "westminster-campaign-volunteers",
        description: "Volunteers who help with lobby days, briefings and phone banks in and around Westminster. Come once or come every week.",
        topic: "local",
        postcode: "SW1A 2JR",
        approval: false,
        verified: false,
        days_old: 90,
        members: &[(0, Owner, Active), (4, Organiser, Active), (1, Member, Active)],
        others: 8,
    },
    FixedGroup {
        name: "Birmingham Save Our NHS",
        slug: "birmingham-save-our-nhs",
        description: "Campaigning to keep Birmingham's hospitals and GP surgeries open, staffed and free at the point of use. Petitions, public meetings and stalls outside the Queen Elizabeth.",
        topic: "health",
        postcode: "B1 1BB",
        approval: false,
        verified: false,
        days_old: 300,
        members: &[(4, Owner, Active), (2, Member, Active), (1, Member, Active)],
        others: 22,
    },
];

const fn post(author: usize, days: i64, hour: u32, body: &'static str) -> FixedPost {
    FixedPost {
        author,
        days,
        hour,
        body,
    }
}

pub const THREADS: &[FixedThread] = &[
    FixedThread {
        group: 0,
        title: "Welcome to the Sheffield Central forum: please read first",
        pinned: true,
        posts: &[
            post(2, -20, 10, "Welcome, everyone. This forum is for members of Sheffield Central Local Party to organise campaigning between meetings.\n\nA few ground rules: be kind, keep it about the campaign, and don't post anyone's personal details. Organisers will hide posts that break these rules.\n\nThe street stall on Fargate runs every Saturday from 11. Sign up on the events page so we know how many leaflets to bring."),
            post(1, -19, 18, "Thanks Priya. I'll be running most of the Saturday stalls this month, so say hello if you come along. First-timers are very welcome: we pair everyone up."),
            post(4, -18, 9, "Great to see this up and running. I'm happy to come to a stall before Christmas if that helps. Let me know which date suits."),
            post(3, -15, 20, "New member here, I joined last week. Is there anything I should read before my first canvassing session?"),
            post(2, -15, 21, "Welcome Alex! Nothing to read beforehand: we do a ten-minute briefing at the start of every session and you'll go round with someone experienced."),
        ],
    },
    FixedThread {
        group: 0,
        title: "Saturday stall on Fargate: who can cover 11 till 1?",
        pinned: false,
        posts: &[
            post(1, -5, 19, "We've got the gazebo and two boxes of the new housing leaflets for Saturday, but only two names down so far. Could anyone do an hour between 11 and 1?\n\nMeet by the Cheese Grater. Tea from the café is on me."),
            post(3, -4, 8, "I can do 11 till 12. I've not done a stall before, so I'll follow your lead."),
            post(2, -4, 12, "I'll come at 12 and stay till we pack up. Can someone bring the clipboards for the petition? Mine are at the office."),
            post(1, -3, 17, "Brilliant, thanks both. That makes four of us. I'll bring the clipboards and the spare tabard."),
        ],
    },
    FixedThread {
        group: 1,
        title: "Damp and mould survey: results so far",
        pinned: false,
        posts: &[
            post(2, -9, 20, "We've now had 143 replies to the damp and mould survey from tenants in Hyde Park and Woodhouse. More than half say repairs took longer than a month, and a quarter are still waiting.\n\nI'll write it up for the council's housing scrutiny committee. If you have a story you're happy for us to use anonymously, reply here or send me a message."),
            post(1, -8, 13, "That's a strong result. Could we get a few of the tenants to come to the committee with us? Hearing it first-hand makes a real difference."),
            post(2, -7, 18, "Good idea. The committee meets on the 14th; I'll ask the three people who offered to talk to the local paper."),
        ],
    },
    FixedThread {
        group: 2,
        title: "Clean Air Zone consultation closes on Friday",
        pinned: false,
        posts: &[
            post(1, -6, 9, "Reminder that the council's consultation on the Clean Air Zone closes on Friday at midnight. It takes about ten minutes to fill in.\n\nIf you're short of time, the key question is whether the zone should cover the inner ring road. We think it should."),
            post(4, -6, 14, "Done. I've shared it with the Birmingham group too, as our council is consulting on something similar next year."),
            post(3, -5, 8, "Filled it in on the bus this morning. Is anyone leafleting outside the schools in Ancoats this week?"),
            post(1, -5, 19, "Yes, Thursday at quarter past eight by the primary school gates. Join the door knocking on Saturday too if you can."),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::fixtures::{EVENTS, PEOPLE};
    use app::groups::model::{group_slug, TOPICS};

    #[test]
    fn demo_groups_hang_together() {
        for g in GROUPS {
            assert_eq!(group_slug(g.name), g.slug);
            assert!(TOPICS.iter().any(|(t, _)| *t == g.topic), "{}", g.topic);
            assert_eq!(g.members[0].1, Owner, "{} is set up by its owner", g.name);
            assert!(g.members.iter().all(|(f, _, _)| *f < PEOPLE.len()));
        }
        assert_eq!(GROUPS.iter().filter(|g| g.verified).count(), 1);
        for t in THREADS {
            assert!(t.title.len() <= 150);
            for p in t.posts {
                let active = GROUPS[t.group]
                    .members
                    .iter()
                    .any(|(f, _, state)| *f == p.author && *state == Active);
                assert!(
                    active,
                    "{}: author {} is not an active member",
                    t.title, p.author
                );
            }
            assert!(t
                .posts
                .windows(2)
                .all(|w| (w[0].days, w[0].hour) < (w[1].days, w[1].hour)));
        }
        for (title, g) in EVENT_GROUPS {
            let event = EVENTS.iter().find(|e| e.title == *title).expect(title);
            let runs_it = GROUPS[*g]
                .members
                .iter()
                .any(|(f, role, _)| *f == event.host && *role != Member);
            assert!(runs_it, "{title}: its host should run the group");
        }
    }
}
