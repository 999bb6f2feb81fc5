// the routine in the popup: who to thank or follow up with, when, and one click to the right compose
import { guideUrl, loadSettings } from "../background/settings.js";

const say = (key, fallback, substitutions) => chrome.i18n.getMessage(key, substitutions) || fallback;
const VERBS = { "thank-you": "Thank", "follow-up": "Follow up with", "after-rejection": "Reply graciously to" };
const HOUR = 3600 * 1000;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** "due in 5 hours", "due tomorrow", "overdue by 2 days", in the browser's language. */
export function dueText(dueAt, now = Date.now()) {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const gap = new Date(dueAt).getTime() - now;
  const hours = Math.round(gap / HOUR);
  const phrase = Math.abs(hours) < 36 ? format.format(hours, "hour") : format.format(Math.round(gap / (24 * HOUR)), "day");
  return gap < 0 ? say("agendaOverdue", `overdue (${phrase})`, [phrase]) : say("agendaDueIn", `due ${phrase}`, [phrase]);
}

/** People named the way a person would: "Ingrid", "Ingrid and Tomasz", "Ingrid, Tomasz and Kari". */
export function namesList(names) {
  return new Intl.ListFormat(undefined, { style: "long", type: "conjunction" }).format(names);
}

/** Items of one interview, kind and part of the agenda go together: one line for the whole panel. */
export function groupItems(items) {
  const groups = new Map();
  for (const item of items) {
    const key = `${item.interview?.id ?? `r${item.reminder_id}`}:${item.kind}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return [...groups.values()];
}

function firstName(person) {
  return person?.name?.split(/\s+/)[0] ?? "";
}

function openNote(item, index, button) {
  button.disabled = true;
  chrome.runtime.sendMessage({
    type: "open-note", interviewId: item.interview.id, index, kind: item.kind, reminderId: item.reminder_id,
  }).then((reply) => {
    if (!reply?.ok) button.after(element("span", { role: "alert" }, reply?.error?.detail ?? "failed"));
    button.disabled = false;
  });
}

function groupLine(group, guideRoot) {
  const [first] = group;
  const people = group.map((item) => item.interviewer).filter(Boolean);
  const verb = VERBS[first.kind];
  const who = people.length ? namesList(people.map(firstName)) : "";
  const text = verb && who ? `${verb} ${who}` : first.note;
  const line = element("li", { "data-testid": "agenda-item", "data-kind": first.kind });
  line.append(element("strong", {}, `${text} — ${dueText(first.due_at)}`));
  const where = [first.interview?.role, first.interview?.company].filter(Boolean).join(" · ");
  if (where) line.append(" ", element("span", { class: "due" }, where));
  const row = element("div", { class: "row" });
  for (const item of group) {
    if (!item.interview || !item.interviewer) continue;
    const button = element("button", { type: "button", class: "primary", "data-testid": "agenda-write",
      "data-reminder": String(item.reminder_id) }, say("agendaWrite", `Write to ${firstName(item.interviewer)}`, [firstName(item.interviewer)]));
    button.addEventListener("click", () => openNote(item, item.interviewer_index ?? 0, button));
    row.append(button);
  }
  if (guideRoot) {
    row.append(element("a", { href: guideRoot + first.guide, target: "_blank", rel: "noopener" },
      say("agendaWhy", "Why now?")));
  }
  line.append(row);
  return line;
}

/** Show the agenda: overdue, today and this week, each as one line per panel and kind. */
export async function showAgenda() {
  const list = document.getElementById("agenda");
  if (!list) return;
  const reply = await chrome.runtime.sendMessage({ type: "agenda" });
  if (!reply?.ok) {
    list.replaceChildren(element("li", { role: "alert" }, reply?.error?.detail ?? say("agendaUnavailable", "The agenda is unavailable.")));
    return;
  }
  const { serverUrl } = await loadSettings();
  const root = guideUrl(serverUrl);
  const agenda = reply.data;
  const items = [...agenda.overdue, ...agenda.today, ...agenda.this_week];
  list.replaceChildren(...(items.length ? groupItems(items).map((group) => groupLine(group, root))
    : [element("li", {}, say("agendaNothing", "Nothing due this week."))]));
}

document.addEventListener("gracious-interview-imported", showAgenda);
showAgenda();
