const MENU_ID = "gracious-draft-here";
const COMMAND = "draft-here";

// the shared content code, the site adapters (so a known page drafts with its own channel, limit
// and recipient) and the adapter for any editable field, injected on demand
export const ANY_FIELD_FILES = [
  "content/gracious.js",
  "content/dom.js",
  "content/insert-text.js",
  "content/field-channel.js",
  "content/site-health.js",
  "content/panel-frame.js",
  "content/note-placement.js",
  "content/draft-ahead.js",
  "content/draft-flow.js",
  "content/sites/gmail.js",
  "content/sites/outlook.js",
  "content/sites/linkedin.js",
  "content/sites/any-field.js",
  "content/draft-focused.js",
  "content/draft-focused-now.js",
];

/** Ask the content script already in the page to draft; false where none answered. */
async function askContentScript(tabId, options) {
  try {
    const reply = await chrome.tabs.sendMessage(tabId, { type: "draft-focused" }, options);
    return Boolean(reply?.drafted);
  } catch {
    return false;
  }
}

/** Draft into the focused field of a tab's frame, as the context-menu item does. */
export async function draftInTab(tabId, frameId = 0) {
  if (await askContentScript(tabId, { frameId })) return;
  await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ANY_FIELD_FILES });
}

/** Draft into whichever frame of the tab holds the focus, as the keyboard shortcut does. */
export async function draftInFocusedFrame(tabId) {
  // every frame hears it; only the one holding the focus drafts
  if (await askContentScript(tabId, {})) return;
  // frames the user's gesture doesn't reach are skipped; the focused one drafts
  await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ANY_FIELD_FILES });
}

/** Offer "Draft thank-you here" on editable fields and the shortcut; activeTab grants access on use only. */
export function startContextMenu() {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create({
      id: MENU_ID,
      title: chrome.i18n.getMessage("contextMenuDraftHere"),
      contexts: ["editable"],
    });
  });
  chrome.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) draftInTab(tab.id, info.frameId ?? 0);
  });
  chrome.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND && tab?.id !== undefined) draftInFocusedFrame(tab.id).catch(() => {});
  });
  // lets devtools and the e2e tests run the very same paths without a native right-click or key
  globalThis.draftInTab = draftInTab;
  globalThis.draftInFocusedFrame = draftInFocusedFrame;
}

/** The shortcut as the user set it, for the hint shown where no button could be placed. */
export async function currentShortcut() {
  const commands = await chrome.commands.getAll();
  return commands.find((command) => command.name === COMMAND)?.shortcut ?? "";
}
