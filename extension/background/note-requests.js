import { checkNote, createReminder, draftNote, listKinds, readProfile, recordHistory } from "./server-api.js";
import { guideUrl, loadSettings, saveSettings } from "./settings.js";

// the server rejects unknown fields with 422, so only these ever leave the extension
const DRAFT_FIELDS = [
  "kind", "channel", "tone", "recipient", "company", "role", "interview",
  "highlights", "reason", "sender", "thread", "variant",
];
const CONTEXT_FIELDS = DRAFT_FIELDS.filter((field) => !["kind", "channel", "tone", "variant"].includes(field));

/** Keep only the named fields that carry a value. */
export function pickFields(source, fields) {
  const picked = {};
  for (const field of fields) {
    const value = source?.[field];
    if (value !== undefined && value !== null && value !== "") picked[field] = value;
  }
  return picked;
}

const PROFILE_FIELDS = ["name", "signature", "tone", "kind"];

async function refreshProfile(settings) {
  const profile = await readProfile();
  const fresh = pickFields(profile, PROFILE_FIELDS);
  // a write wakes every storage listener in the extension: only when something changed
  if (PROFILE_FIELDS.some((field) => fresh[field] !== undefined && fresh[field] !== settings[field])) {
    await saveSettings(fresh);
  }
  return { ...settings, ...fresh };
}

// the profile changes rarely: a draft uses the copy in storage and refreshes it once the answer is
// out, so the click waits for one request to the server and nothing else competes with it
let profileRefresh = null;

function refreshBehind(settings) {
  profileRefresh ??= refreshProfile(settings).catch(() => settings).finally(() => { profileRefresh = null; });
}

/** The profile, fresh from the server when it has one, else the copy saved by the options page. */
export async function currentProfile() {
  const settings = await loadSettings();
  try {
    return await refreshProfile(settings);
  } catch {
    return settings;
  }
}

// a server lists the same kinds for as long as it runs: one request per server in a worker's life
const kindsByServer = new Map();

/** The kinds, tones and channels, with where the guide and server are for links; kept for the panel. */
export async function listChoices() {
  const { serverUrl } = await loadSettings();
  let listed = kindsByServer.get(serverUrl);
  if (!listed) {
    listed = listKinds().then(async (kinds) => {
      const choices = { ...kinds, guideRoot: guideUrl(serverUrl), serverUrl };
      await chrome.storage.local.set({ choicesCache: choices });
      return choices;
    });
    kindsByServer.set(serverUrl, listed);
    // a stopped or unpaired server is asked again next time
    listed.catch(() => kindsByServer.delete(serverUrl));
  }
  return listed;
}

const sameName = (a, b) => Boolean(a && b) && a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();

/** Draft a note from page context, filling the sender and defaults from the profile. */
export async function draftFromPage({ request, skipSignature = false }) {
  const profile = await loadSettings();
  const body = pickFields(request, DRAFT_FIELDS);
  body.kind ??= profile.kind;
  body.tone ??= profile.tone;
  // the compose already carries the user's own signature (gmail's or outlook's): don't add a second
  const sender = pickFields(profile, skipSignature ? ["name"] : ["name", "signature"]);
  if (!body.sender && Object.keys(sender).length) body.sender = sender;
  // a page can name the user as the one to greet (their own message last in the thread): a note
  // never greets its own writer, and no name beats a wrong one
  if (sameName(body.recipient?.name, body.sender?.name)) delete body.recipient;
  try {
    return await draftNote(body);
  } finally {
    refreshBehind(profile);
  }
}

/** The context worth keeping with a reminder or history entry: what a later draft needs. */
export function keptContext(draft, thread) {
  const context = pickFields(draft?.fields, CONTEXT_FIELDS);
  const kept = pickFields(thread, ["subject", "from", "to", "headline"]);
  if (Object.keys(kept).length) context.thread = kept;
  return context;
}

/** The due date a number of days from today, as an ISO 8601 date. */
export function dueInDays(days, today = new Date()) {
  const due = new Date(today.getFullYear(), today.getMonth(), today.getDate() + Number(days));
  const pad = (number) => String(number).padStart(2, "0");
  return `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`;
}

/** Ask to be reminded to follow up on a note. */
export async function remindToFollowUp({ days, draft, thread }) {
  const recipient = draft?.fields?.recipient?.name;
  return createReminder({
    due: dueInDays(days),
    kind: "follow-up",
    context: keptContext(draft, thread),
    note: recipient ? `Follow up with ${recipient}` : "Follow up",
  });
}

/** Keep a record of a note the user actually inserted. */
export async function rememberInserted({ draft, thread, site }) {
  return recordHistory({
    context: keptContext(draft, thread),
    kind: draft.kind,
    channel: draft.channel,
    tone: draft.tone,
    subject: draft.subject ?? null,
    body: draft.body,
    site,
  });
}

/** Check the note as the user has it now against the guide. */
export async function checkAsEdited({ text, subject, draft, thread }) {
  return checkNote({
    text: String(text).slice(0, 20000),
    subject: subject || null,
    kind: draft.kind,
    channel: draft.channel,
    context: keptContext(draft, thread),
  });
}
