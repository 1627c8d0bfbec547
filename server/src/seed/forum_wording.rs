//! Thread titles and posts for generated forums, and the HTML a post of plain paragraphs
//! renders to.

use super::rng::Rng;

const TITLES: &[&str] = &[
    "Leafleting this Saturday: who's in?",
    "Notes from last week's meeting",
    "Ideas for the winter campaign",
    "Petition to the council: next steps",
    "Lifts to the regional conference",
    "Say hello: new members' thread",
    "Quiz night: volunteers needed",
    "Letter to the local paper: draft for comments",
    "Street stall rota for next month",
    "Door knocking in the rain: tips welcome",
    "What are residents telling you on the doorstep?",
    "Training session for new canvassers",
    "Printing costs and the fundraising target",
    "Councillor surgery: questions to raise",
    "Social after the next meeting?",
    "Phone bank from home this Thursday",
];

const OPENINGS: &[&str] = &[
    "We're short of volunteers for this one, so anything you can do helps, even half an hour.",
    "I've put a rough plan together below. Tell me what I've missed before we firm it up at the next meeting.",
    "A few people asked about this after the last meeting, so here's a thread to keep it all in one place.",
    "We had a good response last time and I'd like to build on it while people still remember us.",
    "The council meets again at the end of the month, which gives us about three weeks to get this right.",
    "Could everyone who is coming reply here, so we know how many leaflets and clipboards to bring?",
];

const REPLIES: &[&str] = &[
    "Count me in.",
    "I can do the morning but not the afternoon.",
    "Thanks for organising this.",
    "I'll bring a box of leaflets and some tape.",
    "Can someone share the map of the route?",
    "Sorry, I can't make this one, but put me down for the next.",
    "Great turnout last time, let's do it again.",
    "I've got a car if anyone needs a lift from the station.",
    "Happy to help with the social media side of things.",
    "Could we start at 11 so parents can come after swimming lessons?",
    "Residents on my round mostly raised potholes and the bus cuts.",
    "Agreed. Let's keep the message short and local.",
    "I've emailed our councillor and will report back.",
    "First time for me, so I'd be glad to pair up with someone.",
    "The church hall is free that evening if we need a room.",
    "I spoke to the landlord at the Red Lion: we can have the back room.",
    "Good point. I'll add it to the agenda.",
    "Two more names for the rota from my street.",
];

const FOLLOW_UPS: &[&str] = &[
    "Let me know if the plan changes.",
    "See you there.",
    "I'll check with my neighbours too.",
    "Shout if you need anything else.",
];

/// A thread title.
pub fn title(rng: &mut Rng) -> &'static str {
    TITLES[rng.below(TITLES.len() as u64) as usize]
}

/// The opening post of a thread in a group in `town`.
pub fn opening(town: &str, rng: &mut Rng) -> String {
    format!(
        "{}\n\nEveryone in {town} is welcome to join in. {}",
        rng.pick(OPENINGS),
        rng.pick(FOLLOW_UPS)
    )
}

/// A reply: a sentence or two, sometimes two paragraphs.
pub fn reply(rng: &mut Rng) -> String {
    let first = rng.pick(REPLIES);
    match rng.below(5) {
        0 => format!("{first} {}", rng.pick(FOLLOW_UPS)),
        1 => format!("{first}\n\n{}", rng.pick(FOLLOW_UPS)),
        _ => first.to_string(),
    }
}

/// The HTML of a post of plain paragraphs (blank-line separated, no Markdown marks), as
/// the forum's renderer writes it: each paragraph in `<p>`, text escaped, one per line.
pub fn paragraphs_html(body: &str) -> String {
    let mut html = String::with_capacity(body.len() + 16);
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !html.is_empty() {
            html.push('\n');
        }
        html.push_str("<p>");
        for c in paragraph.chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '\n' => html.push(' '),
                c => html.push(c),
            }
        }
        html.push_str("</p>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_wrapped_and_escaped() {
        assert_eq!(
            paragraphs_html("Fish & chips <b>\n\nSee you \"there\""),
            "<p>Fish &amp; chips &lt;b&gt;</p>\n<p>See you \"there\"</p>"
        );
    }

    #[test]
    fn seeded_posts_render_as_the_forum_renders_them() {
        use crate::seed::demo_groups::THREADS;
        use app::groups::service::markdown::render_markdown;
        let lines = |html: String| html.replace("</p>\n", "</p>");
        let mut rng = Rng::new(5);
        let generated =
            (0..50).flat_map(|_| [opening("Stoke-on-Trent", &mut rng), reply(&mut rng)]);
        let demo = THREADS
            .iter()
            .flat_map(|t| t.posts)
            .map(|p| p.body.to_string());
        for body in demo.chain(generated) {
            assert_eq!(
                lines(paragraphs_html(&body)),
                lines(render_markdown(&body)),
                "{body}"
            );
        }
    }

    #[test]
    fn generated_posts_have_no_markdown_marks_and_titles_fit() {
        for seed in 0..200 {
            let mut rng = Rng::new(seed);
            let title = title(&mut rng);
            assert!(title.len() <= 150);
            for body in [opening("York", &mut rng), reply(&mut rng)] {
                assert!(!body.contains(['*', '_', '#', '[', '`', '<']), "{body}");
            }
        }
    }
}
