import { currentShortcut, startContextMenu } from "./context-menu.js";
import { startExternalPairing } from "./external-pairing.js";
import { handleMessage, startMessageRouter } from "./message-router.js";
import { checkAsEdited, draftFromPage, listChoices, rememberInserted } from "./note-requests.js";
import { remindAndRefresh, startReminderBadge } from "./reminder-badge.js";
import { agendaForToday, noteSent, openNoteFor, takePendingNote } from "./routine.js";
import { checkHealth } from "./server-api.js";
import { startWelcome } from "./welcome.js";
import { startPanelRelay } from "./panel-relay.js";
import { readSiteHealth, recordSiteHealth } from "./site-health.js";
import { forgetWrites, limitWrites } from "./write-limit.js";

handleMessage("draft", draftFromPage);
handleMessage("kinds", listChoices);
handleMessage("health", checkHealth);
handleMessage("check", checkAsEdited);
handleMessage("inserted", limitWrites(rememberInserted));
handleMessage("remind", limitWrites(remindAndRefresh));
handleMessage("site-health", recordSiteHealth);
handleMessage("read-site-health", readSiteHealth);
handleMessage("shortcut", currentShortcut);
handleMessage("agenda", agendaForToday);
handleMessage("open-note", openNoteFor);
handleMessage("pending-note", takePendingNote);
handleMessage("sent", noteSent);

startMessageRouter();
startExternalPairing();
startWelcome();
startContextMenu();
startPanelRelay();
startReminderBadge();
// worker globals are reachable only from the extension's own contexts (devtools, its pages)
globalThis.forgetWrites = forgetWrites;
