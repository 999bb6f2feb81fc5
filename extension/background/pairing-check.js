import { authorizationHeader, loadPairingToken, savePairingToken } from "./pairing.js";
export { pairingMessage } from "./pairing.js";
import { ServerDownError } from "./server-api.js";
import { loadSettings, saveSettings } from "./settings.js";

/** Ask a server whether a pairing code is its own; health is open, and says so. */
export async function askServer(serverUrl, code) {
  let response;
  try {
    response = await fetch(new URL("/api/v1/health", serverUrl), { headers: authorizationHeader(code) });
  } catch {
    throw new ServerDownError(serverUrl);
  }
  const health = await response.json().catch(() => null);
  if (!response.ok || health?.status !== "ok") throw new ServerDownError(serverUrl);
  return health;
}

/**
 * Where pairing stands: "down" (no server), "unpaired" (no code saved), "wrong" (the saved
 * code is not this server's) or "paired".
 */
export async function pairingStatus() {
  const [{ serverUrl }, token] = await Promise.all([loadSettings(), loadPairingToken()]);
  try {
    const health = await askServer(serverUrl, token);
    const state = health.paired ? "paired" : token ? "wrong" : "unpaired";
    return { state, serverUrl, version: health.version ?? "" };
  } catch {
    return { state: "down", serverUrl, version: "" };
  }
}

/** Check a code against a server, and keep both only when the server accepts the code. */
export async function pairWith(serverUrl, code) {
  const cleaned = String(code ?? "").trim();
  if (!cleaned) return { state: "empty", serverUrl };
  let health;
  try {
    health = await askServer(serverUrl, cleaned);
  } catch {
    return { state: "down", serverUrl };
  }
  if (!health.paired) return { state: "rejected", serverUrl };
  await saveSettings({ serverUrl });
  await savePairingToken(cleaned);
  return { state: "paired", serverUrl, version: health.version ?? "" };
}
