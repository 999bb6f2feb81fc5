// the panel itself, in an extension-origin frame (web_accessible_resources, use_dynamic_url): the
// page around it can't read it, restyle it or send it events. it talks only to the content script
// that opened it, through a port the worker pairs by a one-time token.
import { guideUrl, loadSettings } from "../background/settings.js";
import { buildPanel } from "./panel-view.js";

const token = location.hash.slice(1);
const port = chrome.runtime.connect({ name: `gracious-panel-view:${token}` });
const send = (message) => port.postMessage(message);

/** The guide and check links, built from the extension's own settings and kinds, never the page's. */
async function linkSource() {
  const { serverUrl } = await loadSettings();
  const { choicesCache } = await chrome.storage.local.get("choicesCache");
  const origin = new URL(serverUrl).origin;
  const onServer = (path) => {
    try {
      const url = new URL(path, serverUrl);
      return url.origin === origin ? url.href : null;
    } catch {
      return null;
    }
  };
  return {
    serverUrl,
    guideFor(kind) {
      const guide = choicesCache?.kinds?.find((k) => k.id === kind)?.guide;
      return guide === undefined ? null : onServer(guideUrl(serverUrl) + guide);
    },
    checkLink: onServer,
  };
}

async function start() {
  const [links, { panelCollapsed }] = await Promise.all([linkSource(), chrome.storage.local.get("panelCollapsed")]);
  const view = buildPanel(document.getElementById("root"), {
    links,
    collapsed: Boolean(panelCollapsed),
    send,
    remember: (collapsed) => chrome.storage.local.set({ panelCollapsed: collapsed }),
  });
  port.onMessage.addListener((message) => view.receive(message));
  // the panel's parts, not the body: the body is clamped to the frame, so it can't grow the frame
  const resized = new ResizeObserver(() => send({ op: "size", ...view.size() }));
  for (const part of document.querySelectorAll("#root > *, #root > section > *")) resized.observe(part);
  send({ op: "ready", ...view.size() });
}

start();
