// one namespace shared by the content scripts: they are classic scripts loaded in manifest order,
// and the context menu may inject this file again, so every file only (re)assigns its own names
globalThis.gracious ??= { sites: [] };

/** Register a site adapter once; start.js runs the one matching this page. */
gracious.registerSite = (site) => {
  if (!gracious.sites.some((known) => known.id === site.id)) gracious.sites.push(site);
};

/** A translated string from _locales. */
gracious.t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions) || key;

/** Build an element from a tag, attributes and children; text always goes in as text. */
gracious.element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
};

/** Ask the service worker; content scripts never fetch the server themselves. */
gracious.ask = async (message, onReply = null) => {
  let reply;
  try {
    reply = await chrome.runtime.sendMessage(message);
  } catch (error) {
    // after an extension update the old content script loses its worker
    throw Object.assign(new Error(String(error?.message ?? error)), { type: "disconnected" });
  }
  if (!reply) throw Object.assign(new Error("no answer"), { type: "disconnected" });
  onReply?.(reply);
  if (!reply.ok) throw Object.assign(new Error(reply.error.detail ?? reply.error.type), reply.error);
  return reply.data;
};

/** Cut text to a length the server accepts. */
gracious.clip = (text, length) => {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  return clean.length > length ? clean.slice(0, length) : clean;
};

// the server caps request bodies in bytes, not characters: a long japanese or emoji-heavy thread
// is two to four times longer in utf-8 than in utf-16, and json escapes add more
const encoder = new TextEncoder();
const jsonBytes = (text) => encoder.encode(JSON.stringify(text)).length;

/** Keep the end of a text (the newest messages) within a budget of utf-8 bytes as json. */
gracious.clipBytes = (text, budget) => {
  if (!text || jsonBytes(text) <= budget) return text ?? "";
  // binary search for the earliest start whose tail fits
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (jsonBytes(text.slice(middle)) <= budget) high = middle;
    else low = middle + 1;
  }
  // never start inside a surrogate pair
  const start = /[\uDC00-\uDFFF]/.test(text[low] ?? "") ? low + 1 : low;
  return text.slice(start);
};

// room for the thread's text in one request: comfortably under the server's body cap, leaving
// space for the recipient, sender and signature fields beside it
gracious.THREAD_BYTES = 48 * 1024;

/** The thread text an adapter read, joined and clipped to fit one request. */
gracious.threadText = (parts) => gracious.clipBytes(parts.map(gracious.readableText).join("\n\n"), gracious.THREAD_BYTES);

/** The visible text of an element, with the line breaks a reader sees. */
gracious.readableText = (element) => (element?.innerText ?? element?.textContent ?? "").trim();
