//! Duplicates (issue 19): two people, or two accounts, found to be one are merged — every
//! record moved, addresses united, the merged one archived — and a merge is undone exactly.
//! Rapport proposes the likely pairs, never an archived record nor a pair said to differ.
//! Real SQLite files, a pinned `now`, and the real binary for the command line.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Utc};
use rapport::Rapport;
use rapport::domain::{
    AccountDraft, ContactDraft, CultureNoteDraft, GoalDraft, InteractionDraft, MeetingDraft, MergeKind,
    PairReason, PromiseDraft, RecordKind, RequestDraft,
};
use rapport::error::Error;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    "2026-12-02T10:00:00Z".parse().unwrap()
}

fn db(dir: &TempDir) -> PathBuf {
    dir.path().join("rapport.db")
}

/// A moment a second later each time: records made in one second have ids in no set order,
/// and a likely pair names the older one first.
fn next() -> DateTime<Utc> {
    static SECONDS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    now() - chrono::Duration::hours(1)
        + chrono::Duration::seconds(SECONDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

fn account(r: &mut Rapport, name: &str) -> String {
    let draft =
        AccountDraft { name: name.into(), timezone: Some("Europe/Berlin".into()), ..Default::default() };
    r.add_account(draft, next()).unwrap().id
}

fn person(r: &mut Rapport, account: &str, name: &str, email: Option<&str>) -> String {
    let draft = ContactDraft {
        account_id: account.into(),
        name: name.into(),
        email: email.map(Into::into),
        ..Default::default()
    };
    r.add_contact(draft, next()).unwrap().id
}

fn touch(r: &mut Rapport, account: &str, people: &[&str], summary: &str) -> String {
    let draft = InteractionDraft {
        account_id: account.into(),
        occurred_at: Some("2026-11-30T09:00:00Z".into()),
        contact_ids: people.iter().map(|p| p.to_string()).collect(),
        summary: summary.into(),
        ..Default::default()
    };
    r.log_interaction(draft, now()).unwrap().id
}

/// Every table but the merge journal, as rows: what a merge and its undo must leave as it was.
fn contents_but_merges(path: &Path) -> String {
    common::contents(path).lines().filter(|l| !l.starts_with("merges:")).collect::<Vec<_>>().join("\n")
}

/// One message, as a mail program saves it.
fn eml(dir: &TempDir, name: &str, from: &str, to: &str, cc: &str, id: &str) -> PathBuf {
    let path = dir.path().join(name);
    let text = format!(
        "From: {from}\nTo: {to}\nCc: {cc}\nDate: Mon, 30 Nov 2026 09:12:00 +0100\nMessage-ID: <{id}>\nSubject: Next steps\nContent-Type: text/plain; charset=utf-8\n\nCan we talk about the rollout on Friday?\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// Kestrel with Ana Ruiz (kept) and "Ruiz, Ana" (to merge), who has one of every record.
struct Planted {
    account: String,
    kept: String,
    merged: String,
    bo: String,
    only_merged_touch: String,
    both_touch: String,
    meeting: String,
}

fn plant(r: &mut Rapport, path: &Path) -> Planted {
    let account = account(r, "Kestrel");
    let kept = ContactDraft {
        account_id: account.clone(),
        name: "Ana Ruiz".into(),
        title: Some("CFO".into()),
        email: Some("ana@kestrel.example".into()),
        notes: Some("Prefers calls.".into()),
        ..Default::default()
    };
    let kept = r.add_contact(kept, now()).unwrap().id;
    let merged = ContactDraft {
        account_id: account.clone(),
        name: "Ruiz, Ana".into(),
        title: Some("Finance".into()),
        email: Some("ana.ruiz@home.example".into()),
        other_emails: vec!["ANA@kestrel.example".into()],
        phone: Some("+34 600 000 000".into()),
        notes: Some("Has two children.".into()),
        ..Default::default()
    };
    let merged = r.add_contact(merged, now()).unwrap().id;
    let bo = ContactDraft {
        account_id: account.clone(),
        name: "Bo Lind".into(),
        reports_to: Some(merged.clone()),
        ..Default::default()
    };
    let bo = r.add_contact(bo, now()).unwrap().id;
    let only_merged_touch = touch(r, &account, &[&merged], "Called about the renewal");
    let both_touch = touch(r, &account, &[&kept, &merged, &bo], "Steering call");
    let a = || account.clone();
    let who = || Some(merged.clone());
    r.add_culture_note(
        CultureNoteDraft {
            account_id: a(),
            contact_id: who(),
            text: "Writes in Spanish".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    r.add_goal(
        GoalDraft {
            account_id: a(),
            contact_id: who(),
            title: "Close the books faster".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    r.add_promise(
        PromiseDraft {
            account_id: a(),
            contact_id: who(),
            text: "Send the figures".into(),
            due_at: "2026-12-10T17:00:00Z".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    r.add_request(
        RequestDraft {
            account_id: a(),
            contact_id: who(),
            text: "A quote for 2027".into(),
            received_at: Some("2026-12-01T09:00:00Z".into()),
        },
        now(),
    )
    .unwrap();
    let meeting = MeetingDraft {
        account_id: a(),
        starts_at: "2026-12-09T13:00:00Z".into(),
        title: "Budget review".into(),
        attendee_ids: vec![kept.clone(), merged.clone()],
        ..Default::default()
    };
    let meeting = r.add_meeting(meeting, now()).unwrap().id;
    // What no form sets: she sent the invitation, and a check-in of hers was snoozed.
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("UPDATE meetings SET organizer_id = ?1 WHERE id = ?2", [&merged, &meeting]).unwrap();
    conn.execute(
        "INSERT INTO suggestion_states (key, state, until, fingerprint, at) VALUES (?1, 'snoozed', '2026-12-05T09:00:00Z', 'x', '2026-12-01T09:00:00Z')",
        [format!("{account}:{merged}")],
    )
    .unwrap();
    Planted { account, kept, merged, bo, only_merged_touch, both_touch, meeting }
}

#[test]
fn a_merged_person_leaves_every_record_to_the_kept_one_and_undo_puts_all_back() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let p = plant(&mut r, &db(&dir));
    let page_before = r.account_page(&p.account, now()).unwrap();
    let rows_before = contents_but_merges(&db(&dir));

    let report = r.merge_people(&p.kept, &p.merged, now()).unwrap();
    assert_eq!(
        (report.kind, report.kept_name.as_str(), report.merged_name.as_str()),
        (MergeKind::Person, "Ana Ruiz", "Ruiz, Ana")
    );
    let m = &report.moved;
    assert_eq!(
        (m.touches, m.meetings, m.goals, m.promises, m.requests, m.culture_notes, m.reports, m.checkins),
        (2, 1, 1, 1, 1, 1, 1, 1),
        "{m:?}"
    );
    assert_eq!(report.addresses_added, ["ana.ruiz@home.example"], "ANA@kestrel.example is hers already");
    assert!(report.said.starts_with("Ruiz, Ana is now part of Ana Ruiz: 2 touches, 1 meeting, 1 goal, 1 promise, 1 request, 1 culture note and 1 person reporting to them moved."), "{}", report.said);
    assert!(std::fs::read_dir(dir.path().join("backups")).unwrap().count() == 1, "a copy is taken first");

    // The account page, as the user sees it: one Ana, with everything that was the other's.
    let page = r.account_page(&p.account, now()).unwrap();
    let names: Vec<&str> = page.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ana Ruiz", "Bo Lind"]);
    let ana = page.contacts.iter().find(|c| c.id == p.kept).unwrap();
    assert_eq!(ana.title.as_deref(), Some("CFO"), "the kept fields stay");
    assert_eq!(ana.phone.as_deref(), Some("+34 600 000 000"), "an empty field is filled");
    assert_eq!(ana.email.as_deref(), Some("ana@kestrel.example"));
    assert_eq!(ana.other_emails, ["ana.ruiz@home.example"]);
    assert_eq!(ana.notes, "Prefers calls.\n\nHas two children.", "notes are joined, not lost");
    let bo = page.contacts.iter().find(|c| c.id == p.bo).unwrap();
    assert_eq!(bo.reports_to.as_ref(), Some(&p.kept));
    for t in &page.interactions {
        assert!(!t.contact_ids.contains(&p.merged), "{t:?}");
        assert!(t.contact_ids.contains(&p.kept), "{t:?}");
    }
    let both = page.interactions.iter().find(|t| t.id == p.both_touch).unwrap();
    assert_eq!(both.contact_ids.iter().filter(|c| **c == p.kept).count(), 1, "on the touch once");
    assert!(page.interactions.iter().any(|t| t.id == p.only_merged_touch));
    let kept = Some(p.kept.clone());
    assert!(page.culture_notes.iter().all(|n| n.contact_id == kept));
    assert!(page.goals.iter().all(|g| g.contact_id == kept));
    assert!(page.promises.iter().all(|x| x.contact_id == kept));
    assert!(page.requests.iter().all(|x| x.contact_id == kept));
    let meeting = page.meetings.iter().find(|x| x.id == p.meeting).unwrap();
    assert_eq!(meeting.attendee_ids, std::slice::from_ref(&p.kept));
    assert_eq!(meeting.organizer_id, kept);
    // Archived: in the archive, out of every list and of search; remembered as merged.
    assert!(r.archived().unwrap().iter().any(|a| a.kind == RecordKind::Contact && a.id == p.merged));
    let found = r.search("Children").unwrap();
    assert!(found.groups.iter().flat_map(|g| &g.hits).all(|h| h.record_id != p.merged));
    let states = r.store().suggestion_states().unwrap();
    assert_eq!(
        states.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
        [format!("{}:{}", p.account, p.kept)]
    );
    // Her last touch is the kept one's now.
    let last: String = rusqlite::Connection::open(db(&dir))
        .unwrap()
        .query_row("SELECT last_id FROM contact_touch WHERE contact_id = ?1", [&p.kept], |r| r.get(0))
        .unwrap();
    assert!(last == p.both_touch || last == p.only_merged_touch);

    let undone = r.undo_merge(&report.merge_id, now()).unwrap();
    assert_eq!(
        (undone.restored_id.as_str(), undone.restored_name.as_str()),
        (p.merged.as_str(), "Ruiz, Ana")
    );
    assert_eq!(r.account_page(&p.account, now()).unwrap(), page_before, "the account reads as before");
    assert_eq!(contents_but_merges(&db(&dir)), rows_before, "every row is as it was");
    let again = r.undo_merge(&report.merge_id, now()).unwrap_err();
    assert!(
        matches!(&again, Error::Conflict { message } if message == "That merge was already undone. Nothing was changed."),
        "{again:?}"
    );
}

#[test]
fn mail_to_the_merged_address_is_matched_to_the_kept_person() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let p = plant(&mut r, &db(&dir));
    r.merge_people(&p.kept, &p.merged, now()).unwrap();
    let mail = eml(
        &dir,
        "reply.eml",
        "Ana <ana.ruiz@home.example>",
        "me@ours.example",
        "me@ours.example",
        "m1@home.example",
    );
    r.import_mail(&mail, false, now()).unwrap();
    let page = r.account_page(&p.account, now()).unwrap();
    let read = page.interactions.iter().find(|t| t.message_id.is_some()).expect("the message became a touch");
    assert_eq!(read.contact_ids, std::slice::from_ref(&p.kept));
}

#[test]
fn a_merged_person_goes_out_in_the_archive_and_comes_back_archived() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let p = plant(&mut r, &db(&dir));
    r.merge_people(&p.kept, &p.merged, now()).unwrap();
    let archive = r.export_archive(now()).unwrap();
    let other = TempDir::new().unwrap();
    let mut copy = Rapport::open(&db(&other), now()).unwrap();
    copy.import_archive(&archive, false, now()).unwrap();
    let names: Vec<String> = copy.contacts(&p.account).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Ana Ruiz", "Bo Lind"]);
    assert!(copy.archived().unwrap().iter().any(|a| a.id == p.merged && a.label == "Ruiz, Ana"));
    assert_eq!(copy.export_archive(now()).unwrap(), archive, "and goes out again the same");
}

#[test]
fn merged_accounts_become_one_and_a_message_read_into_both_stays_one_touch() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let kestrel = account(&mut r, "Kestrel");
    let gmbh = account(&mut r, "Kestrel GmbH");
    r.update_account(
        &gmbh,
        AccountDraft {
            name: "Kestrel GmbH".into(),
            industry: Some("Logistics".into()),
            timezone: Some("Europe/Berlin".into()),
            notes: Some("Billing in Hamburg.".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let ana = person(&mut r, &kestrel, "Ana Ruiz", Some("ana@kestrel.example"));
    let jonas = person(&mut r, &gmbh, "Jonas Keller", Some("jonas@kestrel-gmbh.example"));
    let mail = eml(
        &dir,
        "both.eml",
        "Ana Ruiz <ana@kestrel.example>",
        "me@ours.example",
        "Jonas Keller <jonas@kestrel-gmbh.example>",
        "shared@kestrel.example",
    );
    r.import_mail(&mail, false, now()).unwrap();
    let touches = |r: &Rapport, a: &str| r.account_page(a, now()).unwrap().interactions;
    assert_eq!((touches(&r, &kestrel).len(), touches(&r, &gmbh).len()), (1, 1), "a touch in each");
    touch(&mut r, &gmbh, &[&jonas], "Visit in Hamburg");
    r.add_goal(
        GoalDraft { account_id: gmbh.clone(), title: "One invoice a month".into(), ..Default::default() },
        now(),
    )
    .unwrap();
    r.keep_health_snapshots(now()).unwrap();
    let before_kestrel = r.account_page(&kestrel, now()).unwrap();
    let before_gmbh = r.account_page(&gmbh, now()).unwrap();
    let rows_before = contents_but_merges(&db(&dir));

    let report = r.merge_accounts(&kestrel, &gmbh, now()).unwrap();
    assert_eq!(
        (report.moved.people, report.moved.touches, report.moved.goals),
        (1, 2, 1),
        "{:?}",
        report.moved
    );
    let page = r.account_page(&kestrel, now()).unwrap();
    assert_eq!(page.contacts.len(), 2);
    assert_eq!(page.account.industry.as_deref(), Some("Logistics"), "an empty field is filled");
    assert_eq!(page.account.notes, "Billing in Hamburg.");
    assert_eq!(page.goals.len(), 1);
    let shared: Vec<_> = page.interactions.iter().filter(|t| t.message_id.is_some()).collect();
    assert_eq!(shared.len(), 1, "one touch for the message");
    let mut people = shared[0].contact_ids.clone();
    people.sort();
    let mut both = vec![ana.clone(), jonas.clone()];
    both.sort();
    assert_eq!(people, both, "with the people of both");
    let listed: Vec<String> = r.accounts(now()).unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(listed, ["Kestrel"]);
    assert!(r.account_page(&gmbh, now()).is_err(), "the merged account is archived");
    // Health is judged afresh: today's snapshots of both are taken again, of the one account.
    let today = |r: &Rapport, a: &str| -> i64 {
        let conn = rusqlite::Connection::open(r.path()).unwrap();
        conn.query_row(
            "SELECT count(*) FROM health_snapshots WHERE account_id = ?1 AND day = '2026-12-02'",
            [a],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!((today(&r, &kestrel), today(&r, &gmbh)), (0, 0), "nothing stale is left");
    r.keep_health_snapshots(now()).unwrap();
    assert_eq!((today(&r, &kestrel), today(&r, &gmbh)), (1, 0));
    let health = r.health_now(now()).unwrap();
    assert_eq!(health.iter().map(|h| h.account_id.as_str()).collect::<Vec<_>>(), [kestrel.as_str()]);
    // Reading the message again adds nothing: the kept touch holds its Message-ID.
    r.import_mail(&mail, false, now()).unwrap();
    assert_eq!(touches(&r, &kestrel).len(), 2);

    r.undo_merge(&report.merge_id, now()).unwrap();
    r.keep_health_snapshots(now()).unwrap();
    assert_eq!(r.account_page(&kestrel, now()).unwrap(), before_kestrel);
    assert_eq!(r.account_page(&gmbh, now()).unwrap(), before_gmbh);
    // Every row as it was, but the mail file's note of when it was read last, read again above.
    let but_reading = |text: String| {
        text.lines().filter(|l| !l.starts_with("mail_sources:")).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(but_reading(contents_but_merges(&db(&dir))), but_reading(rows_before));
}

/// What an error says, for the asserts.
fn said(err: &Error) -> String {
    err.to_string()
}

#[test]
fn a_merge_that_cannot_be_made_is_refused_in_a_sentence_and_leaves_nothing_behind() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let kestrel = account(&mut r, "Kestrel");
    let osprey = account(&mut r, "Osprey");
    let ana = person(&mut r, &kestrel, "Ana", None);
    let ana_ruiz = person(&mut r, &osprey, "Ana Ruiz", None);
    let gone = person(&mut r, &kestrel, "Gone Person", None);
    r.archive(RecordKind::Contact, &gone, now()).unwrap();
    let long = |r: &mut Rapport, name: &str, word: &str| {
        let notes = Some(format!("{word} ").repeat(3000));
        let draft =
            ContactDraft { account_id: kestrel.clone(), name: name.into(), notes, ..Default::default() };
        r.add_contact(draft, next()).unwrap().id
    };
    let (wordy, wordier) = (long(&mut r, "Wordy", "hello"), long(&mut r, "Wordier", "world"));
    let rows_before = common::contents(&db(&dir));

    let too_long = r.merge_people(&wordy, &wordier, now()).unwrap_err();
    assert!(matches!(too_long, Error::Validation { field: "notes", .. }), "{too_long:?}");
    assert_eq!(
        said(&too_long),
        "Their notes together are 36000 characters long; the limit is 20000. Shorten one of them, then merge again."
    );
    let two = r.merge_people(&ana_ruiz, &ana, now()).unwrap_err();
    assert!(matches!(two, Error::Validation { field: "merge", .. }));
    assert_eq!(
        said(&two),
        "Ana and Ana Ruiz are at two accounts. Merge the accounts first, or keep both people as they are."
    );
    let itself = r.merge_people(&ana, &ana, now()).unwrap_err();
    assert_eq!(said(&itself), "A person cannot be merged with itself. Choose two different ones.");
    let archived = r.merge_people(&ana, &gone, now()).unwrap_err();
    assert!(matches!(archived, Error::Validation { field: "merge", .. }), "{archived:?}");
    assert!(said(&archived).starts_with("Gone Person is archived, so it cannot be merged."));
    let unknown = r.merge_accounts(&kestrel, "no-such-id", now()).unwrap_err();
    assert!(matches!(unknown, Error::NotFound { .. }), "{unknown:?}");
    let no_merge = r.undo_merge("no-such-merge", now()).unwrap_err();
    assert!(matches!(no_merge, Error::NotFound { .. }), "{no_merge:?}");
    assert_eq!(common::contents(&db(&dir)), rows_before, "nothing was written");
    assert!(!dir.path().join("backups").exists(), "nor a copy taken");
}

#[test]
fn a_merge_is_undone_only_after_the_later_merges_of_its_account() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let kestrel = account(&mut r, "Kestrel");
    let [a, b, c] = ["Ana", "Ana R.", "A. Ruiz"].map(|n| person(&mut r, &kestrel, n, None));
    let first = r.merge_people(&a, &b, now()).unwrap();
    let second = r.merge_people(&a, &c, now()).unwrap();
    let refused = r.undo_merge(&first.merge_id, now()).unwrap_err();
    assert!(matches!(refused, Error::Conflict { .. }));
    assert!(said(&refused).starts_with("A. Ruiz was merged into Ana after this merge"), "{refused}");
    r.undo_merge(&second.merge_id, now()).unwrap();
    r.undo_merge(&first.merge_id, now()).unwrap();
    assert_eq!(r.contacts(&kestrel).unwrap().len(), 3);
    // The kept person archived since: the merge is refused whole, never half undone.
    let third = r.merge_people(&a, &b, now()).unwrap();
    r.archive(RecordKind::Contact, &a, now()).unwrap();
    let refused = r.undo_merge(&third.merge_id, now()).unwrap_err();
    assert!(said(&refused).starts_with("Ana has been archived"), "{refused}");
}

#[test]
fn likely_pairs_are_found_for_each_reason_but_never_archived_or_dismissed_ones() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let acme = account(&mut r, "Acme");
    let acme_gmbh = account(&mut r, "ACME GmbH");
    let osprey = account(&mut r, "Osprey Ltd");
    let ospr = account(&mut r, "Osprey Holdings");
    let ana = person(&mut r, &acme, "Ana Ruiz", Some("ana@acme.com"));
    let ana2 = person(&mut r, &acme, "Ruiz,  Ána", None);
    let ana3 = person(&mut r, &acme_gmbh, "A. Ruiz", Some("ANA@acme.com"));
    person(&mut r, &osprey, "Lee Park", Some("lee@osprey.example"));
    person(&mut r, &ospr, "Kim Lo", Some("kim@osprey.example"));
    // Two people on gmail at two accounts are not two companies; an archived one is not proposed.
    person(&mut r, &acme, "Sam Gmail", Some("sam@gmail.com"));
    person(&mut r, &osprey, "Tom Gmail", Some("tom@gmail.com"));
    let gone = person(&mut r, &acme, "Ana Ruiz", None);
    r.archive(RecordKind::Contact, &gone, now()).unwrap();

    let pairs = r.likely_duplicates().unwrap();
    let seen: Vec<(MergeKind, PairReason, &str)> =
        pairs.iter().map(|p| (p.kind, p.why, p.reason.as_str())).collect();
    assert_eq!(
        seen,
        [
            (MergeKind::Person, PairReason::SameAddress, "Both write from ana@acme.com."),
            (MergeKind::Person, PairReason::SameName, "Both are called Ana Ruiz at Acme."),
            (
                MergeKind::Account,
                PairReason::SameName,
                "Acme and ACME GmbH are one name but for the legal form."
            ),
            (MergeKind::Account, PairReason::SameDomain, "People at both write from osprey.example."),
        ],
        "{pairs:#?}"
    );
    let by_address = &pairs[0];
    assert_eq!((by_address.first_id.as_str(), by_address.second_id.as_str()), (ana.as_str(), ana3.as_str()));
    assert_eq!(
        (by_address.account.as_deref(), by_address.other_account.as_deref()),
        (Some("Acme"), Some("ACME GmbH"))
    );
    assert_eq!((pairs[1].first_id.as_str(), pairs[1].second_id.as_str()), (ana.as_str(), ana2.as_str()));

    r.not_duplicates(&ana2, &ana, now()).unwrap();
    r.not_duplicates(&osprey, &ospr, now()).unwrap();
    let left: Vec<PairReason> = r.likely_duplicates().unwrap().iter().map(|p| p.why).collect();
    assert_eq!(left, [PairReason::SameAddress, PairReason::SameName]);
    r.archive(RecordKind::Account, &acme_gmbh, now()).unwrap();
    assert!(r.likely_duplicates().unwrap().is_empty(), "archived records are never proposed");
}

fn cli(db: &Path, args: &[&str]) -> (bool, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--db")
        .arg(db)
        .args(["--at", "2026-12-02T10:00:00Z", "--json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = serde_json::from_slice(&out.stdout).unwrap_or_default();
    (out.status.success(), stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_cli_lists_merges_undoes_and_dismisses_with_the_contract_in_json() {
    let dir = TempDir::new().unwrap();
    let mut r = Rapport::open(&db(&dir), now()).unwrap();
    let acme = account(&mut r, "Acme");
    account(&mut r, "Acme Inc.");
    let ana = person(&mut r, &acme, "Ana Ruiz", Some("ana@acme.com"));
    let ruiz = person(&mut r, &acme, "Ruiz, Ana", Some("ana.r@acme.com"));
    drop(r);
    let db = db(&dir);

    let (ok, pairs, _) = cli(&db, &["duplicates"]);
    assert!(ok);
    let keys: Vec<&str> = pairs[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "account",
            "account_id",
            "first",
            "first_id",
            "kind",
            "other_account",
            "other_account_id",
            "reason",
            "second",
            "second_id",
            "why"
        ]
    );
    assert_eq!(pairs[0]["kind"], "person");
    assert_eq!(pairs[0]["why"], "same_name");
    assert_eq!(pairs[1]["kind"], "account");

    let (ok, report, err) = cli(&db, &["merge", "person", &ana, "Ruiz, Ana"]);
    assert!(ok, "{err}");
    let keys: Vec<&str> = report.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "addresses_added",
            "backup",
            "filled",
            "kept_id",
            "kept_name",
            "kind",
            "left_out",
            "merge_id",
            "merged_id",
            "merged_name",
            "moved",
            "said"
        ]
    );
    assert_eq!(
        (report["kept_id"].as_str(), report["merged_id"].as_str()),
        (Some(ana.as_str()), Some(ruiz.as_str()))
    );
    assert_eq!(report["addresses_added"], serde_json::json!(["ana.r@acme.com"]));
    assert_eq!(report["moved"]["touches"], 0);

    let (ok, undone, err) = cli(&db, &["merge", "undo", report["merge_id"].as_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(undone["restored_id"].as_str(), Some(ruiz.as_str()));

    let (ok, _, err) = cli(&db, &["duplicates", "dismiss", "1"]);
    assert!(ok, "{err}");
    let (_, pairs, _) = cli(&db, &["duplicates"]);
    assert_eq!(pairs.as_array().unwrap().len(), 1, "{pairs}");
    let (ok, _, err) = cli(&db, &["merge", "account", "Acme", "Acme Inc."]);
    assert!(ok, "{err}");

    let (ok, _, err) = cli(&db, &["merge", "person", "Ana Ruiz", "Ana Ruiz"]);
    assert!(!ok);
    let err: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["message"], "A person cannot be merged with itself. Choose two different ones.");
}
