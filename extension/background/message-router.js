import { PairingError, ProblemError, ServerDownError } from "./server-api.js";

const handlers = new Map();

/** Answer messages of one type with an async handler. */
export function handleMessage(type, handler) {
  handlers.set(type, handler);
}

/** A plain, cloneable description of what went wrong, for the panel to explain. */
export function describeError(error) {
  if (error instanceof ServerDownError) return { type: "server-down", serverUrl: error.serverUrl };
  if (error instanceof PairingError) {
    return { type: "unpaired", state: error.state, serverUrl: error.serverUrl, detail: error.message };
  }
  if (error instanceof ProblemError) {
    return { type: "problem", status: error.status, title: error.problem?.title ?? "", detail: error.message };
  }
  return { type: "failure", detail: String(error?.message ?? error) };
}

/** Listen for messages from the extension's own scripts and pages only. */
export function startMessageRouter() {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // web pages reach only external-pairing.js, and other extensions nothing at all
    if (sender.id !== chrome.runtime.id) return false;
    const handler = handlers.get(message?.type);
    if (!handler) return false;
    const started = performance.now();
    // spent: the worker's own share of the round trip, for the content script's timing trail
    const spent = () => performance.now() - started;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(
        (data) => sendResponse({ ok: true, data: data ?? null, spent: spent() }),
        (error) => sendResponse({ ok: false, error: describeError(error), spent: spent() }),
      );
    // keep the channel open for the async answer
    return true;
  });
}
