// the follow-through routine: open the right compose with the right note, and close the loop on send
import { currentProfile } from "./note-requests.js";
import { refreshBadge } from "./reminder-badge.js";
import { draftForInterviewer, readAgenda, recordSent } from "./server-api.js";

const PENDING = "gracious-pending-notes";

/** The agenda in the user's own day. */
export async function agendaForToday() {
  return readAgenda(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** A gmail compose addressed to the interviewer; the note itself goes in through the content script. */
export function composeUrl(to, subject) {
  const url = new URL("https://mail.google.com/mail/");
  url.search = new URLSearchParams({ view: "cm", fs: "1", to: to ?? "", su: subject ?? "" }).toString();
  return url.href;
}

async function pendingNotes() {
  return (await chrome.storage.session.get(PENDING))[PENDING] ?? {};
}

/** Draft the note an agenda item asks for and open a compose to that person with it waiting. */
export async function openNoteFor({ interviewId, index, kind, reminderId }) {
  await currentProfile();
  const { drafts } = await draftForInterviewer(interviewId, { kind, interviewer: index });
  const draft = drafts[0];
  const tab = await chrome.tabs.create({ url: "about:blank", active: true });
  const pending = await pendingNotes();
  pending[tab.id] = { draft, reminderId: reminderId ?? draft.reminder_id ?? null, recipient: draft.interviewer?.name };
  await chrome.storage.session.set({ [PENDING]: pending });
  // the url is set only once the note waits for the tab, so the page never asks too early
  await chrome.tabs.update(tab.id, { url: composeUrl(draft.interviewer?.email, draft.subject) });
  return { tabId: tab.id, draft };
}

/** The note waiting for the asking tab, handed over once. */
export async function takePendingNote(_message, sender) {
  const pending = await pendingNotes();
  const note = pending[sender.tab?.id];
  if (!note) return null;
  delete pending[sender.tab.id];
  await chrome.storage.session.set({ [PENDING]: pending });
  return note;
}

/** The user pressed the site's own Send on a compose holding our note: mark it sent and done. */
export async function noteSent({ note }) {
  const draft = note?.draft ?? {};
  const answer = await recordSent({
    body: String(draft.body ?? "").slice(0, 10000),
    kind: draft.kind ?? "thank-you",
    site: note?.site ?? null,
    recipient: note?.recipient ?? draft.fields?.recipient?.name ?? null,
    reminder_id: note?.reminderId ?? null,
  });
  await refreshBadge();
  return answer;
}
