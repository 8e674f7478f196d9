//! The value review as the client reads it: one outline — what it says, every sentence written
//! here once — then Markdown and a standalone, printable HTML page from it, like the brief. It
//! says only what [`ValueReview`] holds, which is client-safe by construction; every user text
//! is escaped for its medium by the brief's own renderers.

use chrono::NaiveDate;

use super::html::page;
use super::markdown::document;
use super::outline::{BriefOutline, OutlineGroup, OutlineLine, OutlineSection, OutlineSpan};
use crate::domain::GoalStatus;
use crate::engine::review::{EvidenceKind, NextKind, ReviewEvidence, ReviewGoal, ValueReview};

/// For paper first: one to two pages, quiet colours, no element split across a page.
const STYLE: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#17202a;max-width:780px;margin:24px auto;padding:0 16px}\
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #dde2e8;padding-bottom:2px}\
h3{font-size:14px;margin:12px 0 4px}ul{margin:0;padding-left:18px}li{margin:2px 0}.sub{color:#5b6877;margin:0 0 8px}\
.muted{color:#5b6877}strong{font-weight:600}.good{color:#1e6b3a}\
@page{size:auto;margin:16mm 14mm}\
@media print{body{margin:0;max-width:none;font-size:10.5px}h1{font-size:18px}h2{font-size:13px;margin-top:12px;break-after:avoid}h3{font-size:11px;break-after:avoid}li,h3{break-inside:avoid}}";

fn t(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Text(s.into())
}
fn b(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Strong(s.into())
}
fn m(s: impl Into<String>) -> OutlineSpan {
    OutlineSpan::Muted(s.into())
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A goal's status in the client's words.
pub fn status_words(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Open => "in progress",
        GoalStatus::OnTrack => "on track",
        GoalStatus::AtRisk => "needs attention",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Dropped => "closed",
    }
}

fn evidence_line(e: &ReviewEvidence) -> OutlineLine {
    let what = match e.kind {
        EvidenceKind::Meeting => "Meeting",
        EvidenceKind::IssueResolved => "Resolved",
        EvidenceKind::PromiseKept => "Delivered",
        EvidenceKind::Extra => "Extra",
    };
    let mut spans = vec![b(format!("{what}, {}: ", long(e.on))), t(e.text.clone())];
    if let Some(extra) = &e.extra {
        spans.extend([m(" — and beyond it: "), t(extra.clone())]);
    }
    OutlineLine(spans)
}

/// At most this many items of evidence under a goal, and in "also delivered": the newest are
/// shown, the rest counted, so that the page stays one to two sheets.
const EVIDENCE_SHOWN: usize = 6;
const ALSO_SHOWN: usize = 10;

/// The newest `most` items as lines, oldest first, and a count of those left out.
fn evidence_lines(items: &[ReviewEvidence], most: usize) -> Vec<OutlineLine> {
    let skipped = items.len().saturating_sub(most);
    let mut lines: Vec<OutlineLine> = items[skipped..].iter().map(evidence_line).collect();
    if skipped > 0 {
        let more =
            if skipped == 1 { "1 earlier item".to_string() } else { format!("{skipped} earlier items") };
        lines.insert(0, OutlineLine(vec![m(format!("… and {more} this period, not listed here."))]));
    }
    lines
}

fn goal_group(g: &ReviewGoal) -> OutlineGroup {
    let flag = match g.status {
        GoalStatus::OnTrack | GoalStatus::Achieved => OutlineSpan::Good,
        GoalStatus::Open | GoalStatus::AtRisk | GoalStatus::Dropped => OutlineSpan::Text,
    };
    let mut status = vec![b("Status: "), flag(status_words(g.status).into())];
    if let Some(target) = g.target_date {
        status.push(m(format!(" · target {}", long(target))));
    }
    if let Some(owner) = &g.owner {
        status.push(m(" · led by "));
        status.push(t(owner.clone()));
    }
    let mut lines = vec![OutlineLine(status)];
    lines.extend(
        g.progress
            .iter()
            .map(|p| OutlineLine(vec![b(format!("Progress, {}: ", long(p.on))), t(p.text.clone())])),
    );
    lines.extend(evidence_lines(&g.evidence, EVIDENCE_SHOWN));
    if g.progress.is_empty() && g.evidence.is_empty() {
        lines.push(OutlineLine(vec![m("No progress recorded in this period.")]));
    }
    OutlineGroup { title: Some(g.title.clone()), lines }
}

fn next_line(n: &crate::engine::review::ReviewNext, today: NaiveDate) -> OutlineLine {
    let on = n.on.map(long).unwrap_or_default();
    let due = if n.on.is_some_and(|d| d < today) { "was due" } else { "by" };
    OutlineLine(match n.kind {
        NextKind::YourRequest => {
            vec![b("Your request: "), t(n.text.clone()), m(" — our answer is on its way")]
        }
        NextKind::OurPromise => vec![b("We will deliver: "), t(n.text.clone()), m(format!(" — {due} {on}"))],
        NextKind::Meeting => vec![b(format!("Next meeting, {on}: ")), t(n.text.clone())],
        NextKind::GoalTarget => vec![b(format!("Target, {on}: ")), t(n.text.clone())],
    })
}

fn section(title: &str, lines: Vec<OutlineLine>) -> OutlineSection {
    OutlineSection { title: title.into(), groups: vec![OutlineGroup { title: None, lines }] }
}

/// The value review as it reads, on screen and on paper.
pub fn review_outline(r: &ValueReview) -> BriefOutline {
    let mut sections = Vec::new();
    let goals = if r.goals.is_empty() {
        vec![OutlineGroup {
            title: None,
            lines: vec![OutlineLine(vec![m(
                "No goals of yours are recorded with us yet. Tell us what you want to achieve, and the next review will follow each of them.",
            )])],
        }]
    } else {
        r.goals.iter().map(goal_group).collect()
    };
    sections.push(OutlineSection { title: "Your goals and our progress".into(), groups: goals });
    if !r.also_delivered.is_empty() {
        sections.push(section("Also delivered this period", evidence_lines(&r.also_delivered, ALSO_SHOWN)));
    }
    let next = if r.next.is_empty() {
        vec![OutlineLine(vec![m("Nothing is scheduled yet: let us agree the next steps together.")])]
    } else {
        r.next.iter().map(|n| next_line(n, r.prepared_on)).collect()
    };
    sections.push(section("What comes next", next));
    sections.push(section(
        "Questions for you",
        r.questions.iter().map(|q| OutlineLine(vec![t(q.clone())])).collect(),
    ));
    BriefOutline {
        account: r.account.clone(),
        title: format!("{} — Value review", r.account),
        subtitle: format!(
            "{} to {} · prepared {}",
            long(r.period.from),
            long(r.period.to),
            long(r.prepared_on)
        ),
        sections,
    }
}

pub fn review_markdown(r: &ValueReview) -> String {
    document(&review_outline(r))
}

pub fn review_html(r: &ValueReview) -> String {
    page(&review_outline(r), STYLE)
}
