import { remindToFollowUp } from "./note-requests.js";
import { listDueReminders } from "./server-api.js";

const ALARM = "gracious-due-reminders";
const EVERY_MINUTES = 15;

/** Show the number of due reminders on the toolbar icon. */
export async function refreshBadge() {
  let count = 0;
  try {
    count = (await listDueReminders())?.reminders?.length ?? 0;
  } catch {
    // a stopped server shows no badge rather than a stale count
  }
  await chrome.action.setBadgeText({ text: count ? String(count) : "" });
  if (count) await chrome.action.setBadgeBackgroundColor({ color: "#1a7f37" });
  return count;
}

async function scheduleRefresh() {
  const existing = await chrome.alarms.get(ALARM);
  if (!existing?.periodInMinutes) await chrome.alarms.create(ALARM, { periodInMinutes: EVERY_MINUTES });
  await refreshBadge();
}

/** Refresh the badge on an alarm instead of a polling loop, which a stopped worker can't keep. */
export function startReminderBadge() {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) scheduleRefresh();
  });
  chrome.runtime.onInstalled.addListener(scheduleRefresh);
  chrome.runtime.onStartup.addListener(scheduleRefresh);
}

/** Set a follow-up reminder and show it on the badge if it is already due. */
export async function remindAndRefresh(message) {
  const reminder = await remindToFollowUp(message);
  await refreshBadge();
  return reminder;
}
