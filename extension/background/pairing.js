// the pairing code lives apart from the settings: it is a secret, never shown back in a form,
// and only the worker and extension pages read it
const TOKEN_KEY = "pairingToken";

/** The saved pairing code, or "" when the extension has not paired yet. */
export async function loadPairingToken() {
  const saved = await chrome.storage.local.get(TOKEN_KEY);
  return typeof saved[TOKEN_KEY] === "string" ? saved[TOKEN_KEY] : "";
}

/** Keep a pairing code the server has accepted. */
export async function savePairingToken(token) {
  await chrome.storage.local.set({ [TOKEN_KEY]: token });
}

/** The Authorization header for a pairing code, or none without one. */
export function authorizationHeader(token) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

const MESSAGES = {
  paired: "pairingPaired",
  unpaired: "pairingUnpaired",
  wrong: "pairingWrong",
  down: "pairingServerDown",
  rejected: "pairingRejected",
  empty: "pairingEmpty",
};

/** What to tell the user about a pairing state, with the fix. */
export function pairingMessage({ state, serverUrl }) {
  const root = String(serverUrl).replace(/\/+$/, "");
  return chrome.i18n.getMessage(MESSAGES[state] ?? "pairingUnpaired", [root]) || state;
}
