//! Accounts, people and every record of theirs: add, edit, archive and restore, and search.

use super::*;

#[tauri::command]
#[specta::specta]
/// Every account, with its health band and its next action on Today.
pub async fn list_accounts(core: State<'_, Core>) -> Answer<Vec<AccountRow>> {
    with_core("list_accounts", &core, |r, now| r.account_rows(now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_page(core: State<'_, Core>, account_id: String) -> Answer<AccountPage> {
    with_core("account_page", &core, move |r, now| r.account_page(&account_id, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_account(core: State<'_, Core>, draft: AccountDraft) -> Answer<Account> {
    with_core("add_account", &core, move |r, now| r.add_account(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_account(
    core: State<'_, Core>,
    account_id: String,
    draft: AccountDraft,
) -> Answer<Account> {
    with_core("update_account", &core, move |r, now| r.update_account(&account_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_contact(core: State<'_, Core>, draft: ContactDraft) -> Answer<Contact> {
    with_core("add_contact", &core, move |r, now| r.add_contact(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_contact(
    core: State<'_, Core>,
    contact_id: String,
    draft: ContactDraft,
) -> Answer<Contact> {
    with_core("update_contact", &core, move |r, now| r.update_contact(&contact_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(core: State<'_, Core>, draft: InteractionDraft) -> Answer<Interaction> {
    with_core("log_interaction", &core, move |r, now| r.log_interaction(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn capture(core: State<'_, Core>, draft: CaptureDraft) -> Answer<Captured> {
    with_core("capture", &core, move |r, now| r.capture(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_interaction(
    core: State<'_, Core>,
    interaction_id: String,
    draft: InteractionDraft,
) -> Answer<Interaction> {
    with_core("update_interaction", &core, move |r, now| r.update_interaction(&interaction_id, draft, now))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_culture_note(core: State<'_, Core>, draft: CultureNoteDraft) -> Answer<CultureNote> {
    with_core("add_culture_note", &core, move |r, now| r.add_culture_note(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_culture_note(
    core: State<'_, Core>,
    note_id: String,
    draft: CultureNoteDraft,
) -> Answer<CultureNote> {
    with_core("update_culture_note", &core, move |r, now| r.update_culture_note(&note_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_goal(core: State<'_, Core>, draft: GoalDraft) -> Answer<Goal> {
    with_core("add_goal", &core, move |r, now| r.add_goal(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_goal(core: State<'_, Core>, goal_id: String, draft: GoalDraft) -> Answer<Goal> {
    with_core("update_goal", &core, move |r, now| r.update_goal(&goal_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_goal_progress(
    core: State<'_, Core>,
    goal_id: String,
    text: String,
    status: Option<GoalStatus>,
) -> Answer<Goal> {
    with_core("add_goal_progress", &core, move |r, now| {
        r.add_goal_progress(&goal_id, &text, status, None, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_promise(core: State<'_, Core>, draft: PromiseDraft) -> Answer<Promise> {
    with_core("add_promise", &core, move |r, now| r.add_promise(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_promise(
    core: State<'_, Core>,
    promise_id: String,
    draft: PromiseDraft,
) -> Answer<Promise> {
    with_core("update_promise", &core, move |r, now| r.update_promise(&promise_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn settle_promise(
    core: State<'_, Core>,
    promise_id: String,
    outcome: PromiseOutcome,
) -> Answer<Promise> {
    with_core("settle_promise", &core, move |r, now| r.settle_promise(&promise_id, outcome, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_request(core: State<'_, Core>, draft: RequestDraft) -> Answer<Request> {
    with_core("add_request", &core, move |r, now| r.add_request(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_request(
    core: State<'_, Core>,
    request_id: String,
    draft: RequestDraft,
) -> Answer<Request> {
    with_core("update_request", &core, move |r, now| r.update_request(&request_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_request(core: State<'_, Core>, request_id: String, step: RequestStep) -> Answer<Request> {
    with_core("mark_request", &core, move |r, now| r.mark_request(&request_id, step, None, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_issue(core: State<'_, Core>, draft: IssueDraft) -> Answer<Issue> {
    with_core("open_issue", &core, move |r, now| r.open_issue(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_issue(core: State<'_, Core>, issue_id: String, draft: IssueDraft) -> Answer<Issue> {
    with_core("update_issue", &core, move |r, now| r.update_issue(&issue_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_issue(core: State<'_, Core>, issue_id: String, step: IssueStep) -> Answer<Issue> {
    with_core("mark_issue", &core, move |r, now| r.mark_issue(&issue_id, step, None, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_meeting(core: State<'_, Core>, draft: MeetingDraft) -> Answer<Meeting> {
    with_core("add_meeting", &core, move |r, now| r.add_meeting(draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    core: State<'_, Core>,
    meeting_id: String,
    draft: MeetingDraft,
) -> Answer<Meeting> {
    with_core("update_meeting", &core, move |r, now| r.update_meeting(&meeting_id, draft, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn archive(core: State<'_, Core>, kind: RecordKind, id: String) -> Answer<ArchivedRecord> {
    with_core("archive", &core, move |r, now| r.archive(kind, &id, now)).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore(core: State<'_, Core>, kind: RecordKind, id: String) -> Answer<()> {
    with_core("restore", &core, move |r, _| r.restore(kind, &id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn archived(core: State<'_, Core>) -> Answer<Vec<ArchivedRecord>> {
    with_core("archived", &core, |r, _| r.archived()).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(core: State<'_, Core>, query: String) -> Answer<SearchResults> {
    with_core("search", &core, move |r, _| r.search(&query)).await
}

#[tauri::command]
#[specta::specta]
/// The day typed in a date field ("Friday", "in 2 days", "end of month"), as seen today on the
/// user's clock, with "3/4" read in the order their `locale` writes it.
pub async fn read_day(core: State<'_, Core>, text: String, locale: String) -> Answer<NaiveDate> {
    let today = rapport::clock::your_today(core.clock.now());
    day_words::read_day("day", &text, today, DayOrder::of_locale(&locale)).map_err(UserError::from)
}
