// settings live in chrome.storage.local because the worker may be stopped at any moment
export const DEFAULT_SETTINGS = Object.freeze({
  serverUrl: "http://127.0.0.1:8787",
  name: "",
  signature: "",
  tone: "warm",
  kind: "thank-you",
});

/** Read the saved settings, filled with defaults. */
export async function loadSettings() {
  const saved = await chrome.storage.local.get(Object.keys(DEFAULT_SETTINGS));
  return { ...DEFAULT_SETTINGS, ...saved };
}

/** Save some settings. */
export async function saveSettings(changes) {
  await chrome.storage.local.set(changes);
}

/** The address of a guide page on the user's server. */
export function guideUrl(serverUrl, path = "") {
  const root = serverUrl.endsWith("/") ? serverUrl : `${serverUrl}/`;
  return new URL(`guide/${path}`, root).href;
}
