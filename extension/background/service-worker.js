import { startContextMenu } from "./context-menu.js";
import { handleMessage, startMessageRouter } from "./message-router.js";
import { checkAsEdited, draftFromPage, listChoices, rememberInserted } from "./note-requests.js";
import { remindAndRefresh, startReminderBadge } from "./reminder-badge.js";
import { agendaForToday, noteSent, openNoteFor, takePendingNote } from "./routine.js";
import { checkHealth } from "./server-api.js";

handleMessage("draft", draftFromPage);
handleMessage("kinds", listChoices);
handleMessage("health", checkHealth);
handleMessage("check", checkAsEdited);
handleMessage("inserted", rememberInserted);
handleMessage("remind", remindAndRefresh);
handleMessage("agenda", agendaForToday);
handleMessage("open-note", openNoteFor);
handleMessage("pending-note", takePendingNote);
handleMessage("sent", noteSent);

startMessageRouter();
startContextMenu();
startReminderBadge();
