//! The advisor's view in the brief (issue 20 §4): each attendee's roles, influence, stance and
//! trust weak spot; the account's gaps among its people; and what changed since the last meeting
//! with the same people — read as the user reads them, in the outline every document is
//! rendered from, in Markdown and HTML, and in the JSON of `rapport brief`.

use chrono::{DateTime, Duration, Utc};
use rapport::Rapport;
use rapport::domain::*;
use rapport::service::{BriefFormat, BriefOutline};
use tempfile::TempDir;

mod common;

const AT: &str = "2026-11-23T10:00:00Z";

fn now() -> DateTime<Utc> {
    AT.parse().unwrap()
}

fn ago(days: i64) -> String {
    (now() - Duration::days(days)).to_rfc3339()
}

/// Kestrel in Berlin with Annika Vogt, their executive, and whoever else a test adds.
struct Desk {
    _dir: TempDir,
    r: Rapport,
    account: Id,
    annika: Id,
}

fn desk() -> Desk {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&dir.path().join("rapport.db"), now()).unwrap();
    let (account, annika) = common::kestrel_with_annika(&mut r, "Kestrel", now());
    Desk { _dir: dir, r, account, annika }
}

impl Desk {
    fn person(&mut self, name: &str, shape: impl FnOnce(&mut ContactDraft)) -> Id {
        let mut draft =
            ContactDraft { account_id: self.account.clone(), name: name.into(), ..Default::default() };
        shape(&mut draft);
        self.r.add_contact(draft, now()).unwrap().id
    }

    fn reshape(&mut self, id: &Id, shape: impl FnOnce(&mut ContactDraft)) {
        let contact =
            self.r.store().contacts(&self.account).unwrap().into_iter().find(|c| &c.id == id).unwrap();
        let mut draft = ContactDraft::from(&contact);
        shape(&mut draft);
        self.r.update_contact(id, draft, now()).unwrap();
    }

    /// A meeting `starts_in` from now (negative: held), an hour long.
    fn meeting(&mut self, title: &str, starts_in: Duration, people: &[&Id]) -> Id {
        let draft = MeetingDraft {
            account_id: self.account.clone(),
            starts_at: (now() + starts_in).to_rfc3339(),
            title: title.into(),
            attendee_ids: people.iter().map(|p| (*p).clone()).collect(),
            ..Default::default()
        };
        self.r.add_meeting(draft, now()).unwrap().id
    }

    fn touch(&mut self, with: &Id, days_ago: i64, sentiment: Option<i32>) {
        let draft = InteractionDraft {
            account_id: self.account.clone(),
            occurred_at: Some(ago(days_ago)),
            channel: Some(Channel::Call),
            contact_ids: vec![with.clone()],
            summary: format!("Call {days_ago} days ago"),
            sentiment,
            ..Default::default()
        };
        self.r.log_interaction(draft, now()).unwrap();
    }

    /// A promise made 40 days ago, due `due` days ago (negative: ahead), kept `kept` days ago.
    fn promise(&mut self, direction: Direction, to: &Id, text: &str, due: i64, kept: Option<i64>) {
        let draft = PromiseDraft {
            account_id: self.account.clone(),
            direction: Some(direction),
            contact_id: Some(to.clone()),
            text: text.into(),
            made_at: Some(ago(40)),
            due_at: ago(due),
            ..Default::default()
        };
        let id = self.r.add_promise(draft, now()).unwrap().id;
        if let Some(kept) = kept {
            let outcome = PromiseOutcome {
                status: PromiseStatus::Kept,
                completed_at: Some(ago(kept)),
                new_due_at: None,
                extra: None,
            };
            self.r.settle_promise(&id, outcome, now()).unwrap();
        }
    }

    fn request(&mut self, text: &str, received: i64, answered: Option<i64>) {
        let draft = RequestDraft {
            account_id: self.account.clone(),
            contact_id: Some(self.annika.clone()),
            received_at: Some(ago(received)),
            text: text.into(),
        };
        let id = self.r.add_request(draft, now()).unwrap().id;
        if let Some(answered) = answered {
            self.r.mark_request(&id, RequestStep::Answered, Some(&ago(answered)), now()).unwrap();
        }
    }

    fn issue(&mut self, title: &str, opened: i64, resolved: Option<i64>) {
        let draft = IssueDraft {
            account_id: self.account.clone(),
            title: title.into(),
            severity: Some(Severity::Medium),
            opened_at: Some(ago(opened)),
            ..Default::default()
        };
        let id = self.r.open_issue(draft, now()).unwrap().id;
        if let Some(resolved) = resolved {
            self.r.mark_issue(&id, IssueStep::Resolved, Some(&ago(resolved)), now()).unwrap();
        }
    }

    fn outline(&self, meeting: Option<&str>) -> BriefOutline {
        self.r.brief_outline(&self.account, meeting, "UTC", now()).unwrap()
    }
}

/// The words of a section, line by line (empty when the section is left out).
fn section(o: &BriefOutline, title: &str) -> Vec<String> {
    o.sections
        .iter()
        .filter(|s| s.title == title)
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.lines)
        .map(|l| l.0.iter().map(|s| s.text()).collect())
        .collect()
}

/// The lines under one person (or one group) of a section.
fn group(o: &BriefOutline, section: &str, group: &str) -> Vec<String> {
    o.sections
        .iter()
        .filter(|s| s.title == section)
        .flat_map(|s| &s.groups)
        .filter(|g| g.title.as_deref() == Some(group))
        .flat_map(|g| &g.lines)
        .map(|l| l.0.iter().map(|s| s.text()).collect())
        .collect()
}

#[test]
fn each_attendee_shows_their_roles_influence_and_stance_and_whether_you_set_it() {
    let mut d = desk();
    let matthias = d.person("Matthias Brenner", |c| {
        c.roles = vec![BuyingRole::Influencer, BuyingRole::Champion];
        c.influence = Some(Influence::High);
        c.stance = Some(Stance::Supportive);
    });
    let jonas = d.person("Jonas Keller", |_| {});
    let annika = d.annika.clone();
    d.reshape(&annika, |c| c.roles = vec![BuyingRole::EconomicBuyer]);
    // Two touches that went well: supportive, by the evidence.
    d.touch(&annika, 20, Some(1));
    d.touch(&annika, 10, Some(1));
    d.meeting("Steering committee", Duration::days(1), &[&annika, &matthias, &jonas]);

    let o = d.outline(None);
    let role = |who: &str| {
        group(&o, "Who attends", who).into_iter().find(|l| l.starts_with("Role: ")).unwrap_or_default()
    };
    assert_eq!(
        role("Matthias Brenner"),
        "Role: champion, influencer · high influence · supportive (as you set it)"
    );
    assert_eq!(
        role("Annika Vogt"),
        "Role: economic buyer · influence not known · supportive (from the evidence)"
    );
    assert_eq!(role("Jonas Keller"), "Role: not known · influence not known · stance not known yet");

    let b = d.r.brief(&d.account, None, now()).unwrap();
    let m = b.attendees.iter().find(|p| p.name == "Matthias Brenner").unwrap();
    assert_eq!(m.roles, vec![BuyingRole::Champion, BuyingRole::Influencer], "in the order of the roles");
    assert_eq!(
        (m.influence, m.stance, m.stance_set),
        (Some(Influence::High), Some(Stance::Supportive), true)
    );
    let a = b.attendees.iter().find(|p| p.name == "Annika Vogt").unwrap();
    assert_eq!((a.stance, a.stance_set), (Some(Stance::Supportive), false));
}

#[test]
fn an_attendees_weak_spot_names_the_part_its_score_and_the_next_step() {
    let mut d = desk();
    let annika = d.annika.clone();
    let jonas = d.person("Jonas Keller", |_| {});
    // Our two promises to Annika: one kept late, one overdue — reliability 0 of 100.
    d.promise(Direction::Ours, &annika, "the rollout plan", 12, Some(8));
    d.promise(Direction::Ours, &annika, "the pilot report", 2, None);
    d.reshape(&annika, |c| c.notes = Some("Likes a one-page summary before any call.".into()));
    d.touch(&annika, 5, None);
    d.meeting("Steering committee", Duration::days(1), &[&annika, &jonas]);

    let b = d.r.brief(&d.account, None, now()).unwrap();
    let weak = b.attendees.iter().find(|p| p.name == "Annika Vogt").unwrap().weak_spot.clone().unwrap();
    assert_eq!((weak.part.as_str(), weak.score), ("reliability", 0), "{weak:#?}");
    assert!(weak.next_step.contains("the pilot report"), "the overdue promise is the next step: {weak:#?}");

    let o = d.outline(None);
    let lines = group(&o, "Who attends", "Annika Vogt");
    let expected = format!("Weakest: reliability (0) — Next: {}", weak.next_step);
    assert!(lines.contains(&expected), "{lines:#?}");
    // Someone nothing is known of has no weak spot: the line is left out, not invented.
    assert!(b.attendees.iter().find(|p| p.name == "Jonas Keller").unwrap().weak_spot.is_none());
    assert!(!group(&o, "Who attends", "Jonas Keller").iter().any(|l| l.starts_with("Weakest:")));
}

#[test]
fn the_gaps_among_their_people_are_a_section_left_out_when_there_are_none() {
    let mut d = desk();
    let o = d.outline(None);
    let gaps = section(&o, "Gaps among their people");
    assert!(
        gaps.contains(&"Nobody at Kestrel is known as the economic buyer. Find out who signs off the budget, and meet them before the renewal.".to_string()),
        "{gaps:#?}"
    );
    assert!(gaps.iter().any(|g| g.starts_with("Nobody at Kestrel is known to champion us.")), "{gaps:#?}");
    assert!(gaps.iter().any(|g| g.starts_with("Nobody has ever spoken with Annika Vogt")), "{gaps:#?}");
    let titles: Vec<&str> = o.sections.iter().map(|s| s.title.as_str()).collect();
    let at = |t: &str| titles.iter().position(|x| *x == t).unwrap();
    assert!(at("Gaps among their people") < at("Culture reminders"), "near the top: {titles:?}");

    // Annika signs off and speaks for us, and we spoke yesterday: nothing is missing.
    let annika = d.annika.clone();
    d.reshape(&annika, |c| c.roles = vec![BuyingRole::EconomicBuyer, BuyingRole::Champion]);
    d.touch(&annika, 1, None);
    let o = d.outline(None);
    assert!(d.r.brief(&d.account, None, now()).unwrap().gaps.is_empty());
    assert!(o.sections.iter().all(|s| s.title != "Gaps among their people"), "left out: {o:#?}");
}

#[test]
fn since_you_last_met_lists_what_changed_of_each_kind() {
    let mut d = desk();
    let annika = d.annika.clone();
    let jonas = d.person("Jonas Keller", |_| {});
    d.meeting("Kick-off", -Duration::days(40), &[&annika]);
    d.meeting("Quarterly review", -Duration::days(20), &[&annika, &jonas]);
    d.meeting("Jonas's sync", -Duration::days(10), &[&jonas]);
    let next = d.meeting("Steering committee", Duration::days(1), &[&annika]);

    // Promises, both ways: kept before it (left out), kept since, due by the meeting, due after.
    d.promise(Direction::Ours, &annika, "Send the agenda", 26, Some(25));
    d.promise(Direction::Ours, &annika, "Send the pilot report", 15, Some(12));
    d.promise(Direction::Ours, &annika, "Send the price sheet", 3, None);
    d.promise(Direction::Ours, &annika, "Send the rollout plan", -1, None);
    d.promise(Direction::Ours, &annika, "Send the contract draft", -5, None);
    d.promise(Direction::Theirs, &annika, "Share the volumes", 8, Some(9));
    d.promise(Direction::Theirs, &annika, "Share the site list", 2, None);
    // Requests: received and answered before it (left out), answered since, received since.
    d.request("A quote for one site", 30, Some(25));
    d.request("A quote for two sites", 25, Some(18));
    d.request("The security documentation", 5, None);
    // Issues: opened and resolved before it (left out), resolved since, opened since.
    d.issue("Login fails", 35, Some(30));
    d.issue("Wrong totals", 25, Some(10));
    d.issue("Slow exports", 7, None);
    // A goal's progress before it (left out) and since.
    let draft = GoalDraft {
        account_id: d.account.clone(),
        kind: Some(GoalKind::Company),
        title: "Cut costs by 10%".into(),
        ..Default::default()
    };
    let goal = d.r.add_goal(draft, now() - Duration::days(60)).unwrap().id;
    d.r.add_goal_progress(&goal, "Baseline agreed", None, Some(&ago(30)), now()).unwrap();
    d.r.add_goal_progress(&goal, "First site 4% cheaper", None, Some(&ago(6)), now()).unwrap();

    let o = d.outline(Some(&next));
    let since = section(&o, "Since you last met");
    assert_eq!(since[0], "Last met: Quarterly review — 3 Nov 2026 (20 days ago)", "the last one with Annika");
    assert_eq!(
        group(&o, "Since you last met", "Our promises"),
        [
            "Send the pilot report (Annika Vogt) — kept late, 11 Nov 2026",
            "Send the price sheet (Annika Vogt) — overdue since 20 Nov 2026",
            "Send the rollout plan (Annika Vogt) — due 24 Nov 2026",
        ]
    );
    assert_eq!(
        group(&o, "Since you last met", "Their promises"),
        [
            "Share the volumes (Annika Vogt) — kept 14 Nov 2026",
            "Share the site list (Annika Vogt) — overdue since 21 Nov 2026",
        ]
    );
    assert_eq!(
        group(&o, "Since you last met", "Requests"),
        [
            "A quote for two sites — received from Annika Vogt 29 Oct 2026; answered 5 Nov 2026",
            "The security documentation — received from Annika Vogt 18 Nov 2026; not answered yet",
        ]
    );
    assert_eq!(
        group(&o, "Since you last met", "Issues"),
        [
            "Wrong totals: medium severity · opened 29 Oct 2026; resolved 13 Nov 2026",
            "Slow exports: medium severity · opened 16 Nov 2026; still open",
        ]
    );
    assert_eq!(
        group(&o, "Since you last met", "Goal progress"),
        ["Cut costs by 10%: First site 4% cheaper — 17 Nov 2026"]
    );
    // The same brief twice at the same moment says the same.
    assert_eq!(
        d.r.brief(&d.account, Some(&next), now()).unwrap(),
        d.r.brief(&d.account, Some(&next), now()).unwrap()
    );
}

#[test]
fn a_first_meeting_with_these_people_says_so() {
    let mut d = desk();
    let annika = d.annika.clone();
    let jonas = d.person("Jonas Keller", |_| {});
    // Nothing at all yet: the account as a whole has never met.
    assert_eq!(section(&d.outline(None), "Since you last met"), ["No meeting with Kestrel in Rapport yet."]);

    d.meeting("Jonas's sync", -Duration::days(10), &[&jonas]);
    d.meeting("Later with Annika", Duration::days(3), &[&annika]);
    let next = d.meeting("Steering committee", Duration::days(1), &[&annika]);
    let since = section(&d.outline(Some(&next)), "Since you last met");
    assert_eq!(since, ["First meeting with these people in Rapport."], "Jonas's sync shares nobody");
    assert!(d.r.brief(&d.account, Some(&next), now()).unwrap().since_last_met.last.is_none());

    // Briefing the account long after, with no meeting ahead: the last with the account.
    let later = now() + Duration::days(30);
    let o = d.r.brief_outline(&d.account, None, "UTC", later).unwrap();
    assert!(
        section(&o, "Since you last met")[0].starts_with("Last met: Later with Annika — 26 Nov 2026"),
        "{o:#?}"
    );
}

/// The brief reads the recent months only; when the last meeting with these people is older, it
/// reads back to it, and says exactly what it would from the whole history.
#[test]
fn since_a_meeting_older_than_the_briefs_months_nothing_is_missed() {
    use rapport::engine::brief::brief;
    use rapport::engine::checkins::Touches;
    use rapport::engine::health::{TouchFigures, Weights};
    let mut d = desk();
    let annika = d.annika.clone();
    d.meeting("Last year's review", -Duration::days(320), &[&annika]);
    let next = d.meeting("Steering committee", Duration::days(1), &[&annika]);
    d.request("The old contract", 310, Some(290));
    d.issue("Old outage", 315, Some(300));
    d.touch(&annika, 2, Some(1));

    let b = d.r.brief(&d.account, Some(&next), now()).unwrap();
    let since = &b.since_last_met;
    assert_eq!(since.last.as_ref().map(|m| m.title.as_str()), Some("Last year's review"));
    assert_eq!(since.requests.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["The old contract"]);
    assert_eq!(since.issues.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Old outage"]);

    let whole = d.r.store().bundle(&d.account).unwrap();
    let past: Vec<_> = whole.interactions.iter().filter(|i| i.occurred_at <= now()).cloned().collect();
    let figures = TouchFigures::of(&whole.interactions, now());
    let from_all = brief(
        &whole,
        &Touches::from_interactions(&past),
        &figures,
        Some(&next),
        now(),
        &Weights::default(),
        &Default::default(),
    );
    assert_eq!(b, from_all);
}

#[test]
fn the_new_parts_are_escaped_in_markdown_and_html_like_the_rest() {
    let mut d = desk();
    let annika = d.annika.clone();
    d.meeting("Review", -Duration::days(20), &[&annika]);
    d.issue("<b>Totals</b> *wrong*", 5, None);
    let md = d.r.brief_document(&d.account, None, BriefFormat::Markdown, "UTC", now()).unwrap();
    assert!(md.contains("## Gaps among their people\n"), "{md}");
    assert!(
        md.contains("## Since you last met\n\n- **Last met:** Review — 3 Nov 2026 (20 days ago)\n"),
        "{md}"
    );
    assert!(md.contains("- **Role:** not known · influence not known · stance not known yet\n"), "{md}");
    assert!(md.contains("- **\\<b\\>Totals\\</b\\> \\*wrong\\*:** medium severity"), "{md}");

    let html = d.r.brief_document(&d.account, None, BriefFormat::Html, "UTC", now()).unwrap();
    assert!(
        html.contains("<h2>Since you last met</h2>") && html.contains("<h2>Gaps among their people</h2>")
    );
    assert!(html.contains("<strong>&lt;b&gt;Totals&lt;/b&gt; *wrong*: </strong>"), "{html}");
    assert!(!html.contains("<b>Totals"), "no element from user text");
}

#[test]
fn the_json_brief_carries_roles_stance_weak_spot_gaps_and_what_changed() {
    let dir = TempDir::new().unwrap();
    let rapport = || {
        let mut cmd = assert_cmd::Command::cargo_bin("rapport").unwrap();
        cmd.env("RAPPORT_DB", dir.path().join("rapport.db")).env("TZ", "UTC").arg("--at").arg(AT);
        cmd
    };
    rapport().arg("demo").assert().success();
    let o = rapport().args(["brief", "kestrel", "--meeting", "next", "--format", "json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let b: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for person in b["attendees"].as_array().unwrap() {
        for key in ["roles", "influence", "stance", "stance_set", "weak_spot"] {
            assert!(person.get(key).is_some(), "{key}: {person:#}");
        }
    }
    assert!(b["attendees"].as_array().unwrap().iter().any(|p| !p["roles"].as_array().unwrap().is_empty()));
    assert!(b["gaps"].as_array().unwrap().iter().all(|g| g["code"].is_string() && g["text"].is_string()));
    let since = &b["since_last_met"];
    assert!(since["last"]["title"].is_string(), "{since:#}");
    for key in ["kept", "due", "requests", "issues", "progress"] {
        assert!(since[key].is_array(), "{key}: {since:#}");
    }
}
