const MENU_ID = "gracious-draft-here";

// the shared content code plus the adapter for any editable field, injected on demand
export const ANY_FIELD_FILES = [
  "content/gracious.js",
  "content/insert-text.js",
  "content/panel.js",
  "content/draft-flow.js",
  "content/sites/any-field.js",
];

/** Draft into the focused field of a tab's frame, as the context-menu item does. */
export async function draftInTab(tabId, frameId = 0) {
  await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ANY_FIELD_FILES });
}

/** Offer "Draft thank-you here" on editable fields; activeTab grants access on click only. */
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
  // lets devtools and the e2e tests run the very same path without a native right-click
  globalThis.draftInTab = draftInTab;
}
