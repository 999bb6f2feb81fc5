import { pairWith } from "./pairing-check.js";
import { loadSettings } from "./settings.js";

// the server's own start page offers its code with one click ("Connect the extension");
// externally_connectable admits only loopback pages, and of those only the configured
// server's origin is heard, and only with a code that server confirms
export function startExternalPairing() {
  // firefox has no externally_connectable: there the code is pasted into the options page
  if (!chrome.runtime.onMessageExternal) return;
  chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
    if (message?.type !== "gracious-pair") return false;
    answer(message, sender).then(sendResponse, () => sendResponse({ ok: false, state: "failed" }));
    return true;
  });
}

async function answer(message, sender) {
  const { serverUrl } = await loadSettings();
  const expected = new URL(serverUrl).origin;
  if (sender.origin !== expected || sender.id !== undefined) {
    return { ok: false, state: "other-server", serverUrl: expected };
  }
  const result = await pairWith(serverUrl, message.token);
  return { ok: result.state === "paired", state: result.state, serverUrl: expected };
}
