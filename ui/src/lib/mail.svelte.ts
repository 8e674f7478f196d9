// The mail file or folder being read in Settings → Your mail, and what the core said of it. Kept
// outside the panel: an import shows every view afresh, and what it said stays on the new page.
import type { MailReport } from "../bindings";

export const mailRead = $state<{ chosen: string | null; report: MailReport | null }>({ chosen: null, report: null });
