//! `role_gap`: a gap in the account's map of people (issue 20) worth acting on this week — a
//! champion gone cold, a blocker nobody works with, and, once the user has begun mapping the
//! account's roles, nobody known to sign off the budget or to champion us. A relationship on one
//! thread is `single_threaded`'s, and an executive nobody sees `stakeholder_neglected`'s.

use super::{About, Clock, Found, View, days, never};
use crate::engine::checkins::ReasonCode;
use crate::engine::stakeholders::{GapCode, gaps};

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 2.5, short: "a gap among the people who decide", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    if v.paused() {
        return;
    }
    let mapped = v.b.contacts.iter().any(|c| !c.roles.is_empty());
    for gap in gaps(v.b, v.now, |id| v.last_touch_with(id)) {
        let wanted = match gap.code {
            GapCode::ChampionCold | GapCode::BlockerUnaddressed => true,
            GapCode::NoEconomicBuyer | GapCode::NoChampion => mapped,
            GapCode::SingleThreaded | GapCode::ExecutiveUntouched => false,
        };
        if wanted {
            // Not urgent, but worth acting on this week.
            View::add(out, gap.contact_id, ReasonCode::RoleGap, gap.text, None, v.now + days(7));
        }
    }
}
