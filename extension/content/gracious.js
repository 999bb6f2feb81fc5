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
gracious.ask = async (message) => {
  let reply;
  try {
    reply = await chrome.runtime.sendMessage(message);
  } catch (error) {
    // after an extension update the old content script loses its worker
    throw Object.assign(new Error(String(error?.message ?? error)), { type: "disconnected" });
  }
  if (!reply) throw Object.assign(new Error("no answer"), { type: "disconnected" });
  if (!reply.ok) throw Object.assign(new Error(reply.error.detail ?? reply.error.type), reply.error);
  return reply.data;
};

/** Cut text to a length the server accepts. */
gracious.clip = (text, length) => {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  return clean.length > length ? clean.slice(0, length) : clean;
};

/** The visible text of an element, with the line breaks a reader sees. */
gracious.readableText = (element) => (element?.innerText ?? element?.textContent ?? "").trim();
