//! Summaries of demo interactions, written the way an account manager jots them down.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::{Channel, Initiator};

const OURS_GOOD: &[&str] = &[
    "Shared progress on the {topic}; they were pleased with the pace.",
    "Walked them through options for the {topic}; agreed next steps.",
    "Proposed an improvement to the {topic} before they asked; well received.",
    "Checked in on the {topic} after go-live; no open concerns.",
];
const OURS_NEUTRAL: &[&str] = &[
    "Status update on the {topic}.",
    "Sent the weekly summary for the {topic}.",
    "Confirmed the timeline for the {topic}.",
    "Followed up on open questions about the {topic}.",
];
const OURS_BAD: &[&str] = &[
    "Told them early that the {topic} will slip a week; they were not happy but appreciated the warning.",
    "Apologised for the delay on the {topic} and offered extra testing support.",
];
const THEIRS_GOOD: &[&str] = &[
    "They asked our view on extending the {topic} to another region.",
    "They shared their plans for next year and asked how the {topic} could help.",
    "Thanked the team for the {topic} work.",
];
const THEIRS_NEUTRAL: &[&str] = &[
    "They asked for a status update on the {topic}.",
    "Question from their side about the {topic} invoice.",
    "They requested a change to the {topic} scope.",
    "They asked for documentation on the {topic}.",
];
const THEIRS_BAD: &[&str] = &[
    "They chased us about the {topic}; frustrated at waiting for an answer.",
    "Complaint about an outage affecting the {topic}.",
    "Escalation: the {topic} missed the date we gave.",
];

pub fn summary(rng: &mut ChaCha8Rng, channel: Channel, by: Initiator, topic: &str, sentiment: i8) -> String {
    let pool = match (by, sentiment) {
        (Initiator::Us, s) if s > 0 => OURS_GOOD,
        (Initiator::Us, s) if s < 0 => OURS_BAD,
        (Initiator::Us, _) => OURS_NEUTRAL,
        (Initiator::Them, s) if s > 0 => THEIRS_GOOD,
        (Initiator::Them, s) if s < 0 => THEIRS_BAD,
        (Initiator::Them, _) => THEIRS_NEUTRAL,
    };
    let line = pool[rng.random_range(0..pool.len())].replace("{topic}", topic);
    match channel {
        Channel::Visit => format!("On site: {line}"),
        Channel::Meeting => format!("Meeting: {line}"),
        _ => line,
    }
}
