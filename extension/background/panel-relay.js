// pairs each panel frame with the content script that opened it, by the one-time token the
// content script put in the frame's address: web pages can't open ports to us at all, so knowing
// the token is no use to them, and both ends must be ours and in the same tab
const HOST = "gracious-panel-host";
const VIEW = "gracious-panel-view";
const PANEL_PATH = "/panel/panel.html";

const waiting = new Map();

function isOurPanel(sender) {
  try {
    const url = new URL(sender.url);
    return ["chrome-extension:", "moz-extension:"].includes(url.protocol) && url.pathname === PANEL_PATH;
  } catch {
    return false;
  }
}

function join(a, b) {
  a.onMessage.addListener((message) => b.postMessage(message));
  b.onMessage.addListener((message) => a.postMessage(message));
  a.onDisconnect.addListener(() => b.disconnect());
  b.onDisconnect.addListener(() => a.disconnect());
}

function accept(port) {
  const [role, token] = port.name.split(":");
  if (port.sender?.id !== chrome.runtime.id || ![HOST, VIEW].includes(role) || !token) return false;
  if (role === VIEW && !isOurPanel(port.sender)) return false;
  if (role === HOST && isOurPanel(port.sender)) return false;
  const other = waiting.get(token);
  if (!other) {
    waiting.set(token, { role, port });
    port.onDisconnect.addListener(() => { if (waiting.get(token)?.port === port) waiting.delete(token); });
    return true;
  }
  waiting.delete(token);
  if (other.role === role || other.port.sender?.tab?.id !== port.sender?.tab?.id) return false;
  join(other.port, port);
  return true;
}

/** Relay messages between a content script and the panel frame it opened. */
export function startPanelRelay() {
  chrome.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith("gracious-panel-")) return;
    if (!accept(port)) port.disconnect();
  });
}
