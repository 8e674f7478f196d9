//! The thresholds of every check-in rule, with DESIGN §4's defaults. Stored with the user's
//! settings; any key left out keeps its default.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct Settings {
    /// A request should be acknowledged within this many hours…
    pub request_ack_hours: u32,
    /// …and answered within this many.
    pub request_answer_hours: u32,
    /// Warn this many hours before the answer clock runs out.
    pub request_warning_hours: u32,
    /// Suggest a status update when a promise of ours is due within this many days.
    pub promise_due_soon_days: u32,
    /// Suggest reading the brief when a meeting starts within this many hours.
    pub meeting_prep_hours: u32,
    /// Suggest a recap for meetings that ended within this many days.
    pub meeting_follow_up_days: u32,
    /// An open issue with no touch for this many days needs attention.
    pub issue_quiet_days: u32,
    /// Follow up a resolved issue between these many days after resolution.
    pub issue_follow_up_after_days: u32,
    pub issue_follow_up_until_days: u32,
    /// Check a goal whose target is within this many days…
    pub goal_target_days: u32,
    /// …or that has had no progress for this many.
    pub goal_stale_days: u32,
    /// A renewal within this many days…
    pub renewal_days: u32,
    /// …with no strategic touch in this many days.
    pub renewal_strategic_touch_days: u32,
    /// Birthdays and anniversaries within this many days.
    pub personal_date_days: u32,
    /// A person untouched for this many cadences while the account is otherwise active.
    pub stakeholder_cadences: u32,
    /// Only one person touched in this many days…
    pub single_threaded_days: u32,
    /// …at an account with at least this many people.
    pub single_threaded_min_contacts: u32,
    /// Something owed to the client and due within this many hours is "now", even after the
    /// end of their day.
    pub now_window_hours: u32,
    /// How many check-ins a day the user can make: Today shows that many (and every breach).
    pub daily_budget: u32,
    /// A goal checked on (or put aside) is not raised again for this many days.
    pub goal_recheck_days: u32,
    /// Desktop notifications for suggestions that become urgent while the app runs.
    pub reminders: bool,
}

/// The clocks a request runs against, from the user's settings: every screen and the brief
/// count them the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RequestClocks {
    pub ack_hours: u32,
    pub answer_hours: u32,
    /// How long before the answer is due it is worth a warning.
    pub warning_hours: u32,
}

impl Settings {
    pub fn request_clocks(&self) -> RequestClocks {
        RequestClocks {
            ack_hours: self.request_ack_hours,
            answer_hours: self.request_answer_hours,
            warning_hours: self.request_warning_hours,
        }
    }

    /// Every threshold is a whole number of at least one, and the follow-up window ends after it opens.
    pub fn check(&self) -> crate::error::Result<()> {
        use crate::error::Error;
        let values: [(&'static str, u32); 20] = [
            ("request_ack_hours", self.request_ack_hours),
            ("request_answer_hours", self.request_answer_hours),
            ("request_warning_hours", self.request_warning_hours),
            ("promise_due_soon_days", self.promise_due_soon_days),
            ("meeting_prep_hours", self.meeting_prep_hours),
            ("meeting_follow_up_days", self.meeting_follow_up_days),
            ("issue_quiet_days", self.issue_quiet_days),
            ("issue_follow_up_after_days", self.issue_follow_up_after_days),
            ("issue_follow_up_until_days", self.issue_follow_up_until_days),
            ("goal_target_days", self.goal_target_days),
            ("goal_stale_days", self.goal_stale_days),
            ("renewal_days", self.renewal_days),
            ("renewal_strategic_touch_days", self.renewal_strategic_touch_days),
            ("personal_date_days", self.personal_date_days),
            ("stakeholder_cadences", self.stakeholder_cadences),
            ("single_threaded_days", self.single_threaded_days),
            ("single_threaded_min_contacts", self.single_threaded_min_contacts),
            ("now_window_hours", self.now_window_hours),
            ("daily_budget", self.daily_budget),
            ("goal_recheck_days", self.goal_recheck_days),
        ];
        for (field, value) in values {
            if !(1..=100_000).contains(&value) {
                return Err(Error::validation(
                    field,
                    format!("{value} is not a usable setting here. Use a whole number from 1 to 100000."),
                ));
            }
        }
        if self.issue_follow_up_until_days <= self.issue_follow_up_after_days {
            return Err(Error::validation(
                "issue_follow_up_until_days",
                "The follow-up window must end after it opens. Make this larger than the day it opens.",
            ));
        }
        Ok(())
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            request_ack_hours: 1,
            request_answer_hours: 24,
            request_warning_hours: 4,
            promise_due_soon_days: 3,
            meeting_prep_hours: 48,
            meeting_follow_up_days: 2,
            issue_quiet_days: 3,
            issue_follow_up_after_days: 3,
            issue_follow_up_until_days: 14,
            goal_target_days: 30,
            goal_stale_days: 45,
            renewal_days: 90,
            renewal_strategic_touch_days: 30,
            personal_date_days: 7,
            stakeholder_cadences: 2,
            single_threaded_days: 90,
            single_threaded_min_contacts: 3,
            now_window_hours: 2,
            daily_budget: 8,
            goal_recheck_days: 30,
            reminders: true,
        }
    }
}
