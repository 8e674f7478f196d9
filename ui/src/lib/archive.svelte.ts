// Deleting never loses anything: a record is archived, and the notice that says so offers Undo
// until the next archive replaces it or the user dismisses it.
import { commands, type ArchivedRecord, type RecordKind } from "../bindings";
import { sentence, unwrap } from "./outcome";

type Notice =
  | { state: "archived"; record: ArchivedRecord; restored: () => void }
  | { state: "restored"; record: ArchivedRecord }
  | { state: "failed"; message: string };

export const archiveNotice = $state<{ current: Notice | null }>({ current: null });

/**
 * Archives a record and shows the notice with Undo. `archived` runs once it is archived (reload
 * the list it was in); `restored` runs after an Undo (reload again, or go back to it).
 */
export async function archiveRecord(
  kind: RecordKind,
  id: string,
  archived: () => void,
  restored: () => void = archived,
): Promise<void> {
  try {
    const record = await unwrap(commands.archive(kind, id));
    archiveNotice.current = { state: "archived", record, restored };
    archived();
  } catch (error) {
    archiveNotice.current = { state: "failed", message: sentence(error) };
  }
}

/** Brings back the record the notice is about. */
export async function undoArchive(): Promise<void> {
  const notice = archiveNotice.current;
  if (notice?.state !== "archived") return;
  try {
    await unwrap(commands.restore(notice.record.kind, notice.record.id));
    archiveNotice.current = { state: "restored", record: notice.record };
    notice.restored();
  } catch (error) {
    archiveNotice.current = { state: "failed", message: sentence(error) };
  }
}

export function dismissArchiveNotice(): void {
  archiveNotice.current = null;
}
