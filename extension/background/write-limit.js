// a page can't message the worker, but a content script runs inside pages that may try to drive
// it: cap what any one tab, and all tabs together, can write to the server per minute
const MINUTE_MS = 60_000;
const PER_TAB = 6;
const OVERALL = 20;

const writes = [];

/** Wrap a handler that writes to the server so it refuses beyond the caps. */
export function limitWrites(handler, now = () => Date.now()) {
  return (message, sender) => {
    const at = now();
    while (writes.length && at - writes[0].at > MINUTE_MS) writes.shift();
    const tab = sender?.tab?.id ?? "extension";
    const fromTab = writes.filter((write) => write.tab === tab).length;
    if (fromTab >= PER_TAB || writes.length >= OVERALL) {
      throw new Error(chrome.i18n.getMessage("writeLimitReached") || "too many writes, try again in a minute");
    }
    writes.push({ at, tab });
    return handler(message, sender);
  };
}

/** Start a fresh minute: for devtools, and for test suites whose every test is a new user session. */
export function forgetWrites() {
  writes.length = 0;
}
