//! `renewal_approaching`: the renewal is within months and nobody has talked strategy lately.

use chrono_tz::Tz;

use super::{About, Clock, Found, View, days, never};
use crate::engine::checkins::ReasonCode;

/// How much it matters before urgency and tier, and its name in the ranking's sentence; never
/// worth a notification.
pub(super) const ABOUT: About =
    About { weight: 6.0, short: "a renewal approaching", notify: never, clock: Clock::Proactive };

pub fn check(v: &View<'_>, out: &mut Vec<Found>) {
    let a = &v.b.account;
    let Some(renewal) = a.renewal_date else { return };
    let tz: Tz = a.timezone.parse().unwrap_or(Tz::UTC);
    let today = v.now.with_timezone(&tz).date_naive();
    let days_left = (renewal - today).num_days();
    if days_left < 0 || days_left > i64::from(v.s.renewal_days) {
        return;
    }
    let strategic_lately =
        v.t.last_strategic.is_some_and(|t| v.now - t <= days(v.s.renewal_strategic_touch_days));
    if strategic_lately {
        return;
    }
    // The strategic conversation is what is due, and it is due now: the renewal date itself is
    // in the sentence.
    let due = v.now;
    let text = format!(
        "The contract renews in {days_left} days ({renewal}) and there has been no strategic conversation in {} days. Talk about their goals for next year before you talk about the renewal.",
        v.s.renewal_strategic_touch_days
    );
    View::add(out, None, ReasonCode::RenewalApproaching, text, None, due);
}
