// "Import invitation…": pick an .ics file and record its interview, with its reminders
import { refreshBadge } from "../background/reminder-badge.js";
import { importInvitation } from "../background/server-api.js";

const say = (key, fallback, substitutions) => chrome.i18n.getMessage(key, substitutions) || fallback;

/** What the user sees once an invitation became an interview. */
function describe(interview) {
  const what = [interview.role, interview.company].filter(Boolean).join(" at ") || say("importInterview", "the interview");
  const names = interview.interviewers.map((person) => person.name).join(", ");
  const reminders = interview.reminders.length;
  return say("importDone", `Imported ${what}${names ? ` with ${names}` : ""}: ${reminders} reminders set.`,
    [what, names || "—", String(reminders)]);
}

/** Put an "Import invitation…" file picker into a container. */
export function mountInvitationImport(container) {
  const label = document.createElement("label");
  label.textContent = say("importLabel", "Import invitation…");
  const input = document.createElement("input");
  Object.assign(input, { type: "file", accept: ".ics,text/calendar" });
  input.dataset.testid = "import-invitation";
  label.append(" ", input);
  const status = document.createElement("output");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.dataset.testid = "import-status";
  input.addEventListener("change", async () => {
    const [file] = input.files;
    if (!file) return;
    status.textContent = say("importReading", "Reading the invitation…");
    try {
      const interview = await importInvitation(await file.text());
      status.textContent = describe(interview);
      document.dispatchEvent(new CustomEvent("gracious-interview-imported", { detail: interview }));
      refreshBadge().catch(() => {});
    } catch (error) {
      status.textContent = error.message;
    }
    input.value = "";
  });
  container.replaceChildren(label, status);
}

const slot = document.getElementById("import-invitation");
if (slot) mountInvitationImport(slot);
