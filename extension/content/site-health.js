// selector health: count what the adapter found on this page and report it to the worker now and
// then (never the page's text); and, for the popup, a skeleton of the compose that a user can
// attach to a bug report: tag names, classes, roles and attribute names only
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  const FLUSH_MS = 1000;
  const MAX_NODES = 1500;
  // attributes whose values are fixed vocabularies, never the user's or page's text
  const KEPT_VALUES = /^(role|contenteditable|aria-(multiline|hidden|expanded|disabled|haspopup|modal|readonly|busy)|g_editable|type|name|maxlength)$/;

  if (!gracious.healthPage) {
    gracious.healthPage = crypto.randomUUID();
    gracious.healthCounts = {};
  }
  let timer = null;

  function flush() {
    timer = null;
    for (const [site, counts] of Object.entries(gracious.healthCounts)) {
      gracious.ask({ type: "site-health", site, page: gracious.healthPage, counts }).catch(() => {});
    }
    gracious.healthCounts = {};
  }

  /** Count one event for a site (the page's own adapter when none is named). */
  gracious.recordHealth = (site, name, amount = 1) => {
    const id = site ?? gracious.currentSite ?? "any-field";
    if (!amount) return;
    const counts = (gracious.healthCounts[id] ??= {});
    counts[name] = (counts[name] ?? 0) + amount;
    timer ??= setTimeout(flush, FLUSH_MS);
  };

  function describe(element, depth, budget) {
    if (budget.left-- <= 0) return null;
    const node = { tag: element.tagName.toLowerCase() };
    if (element.classList.length) node.classes = [...element.classList].filter((name) => !name.startsWith("gracious-seen"));
    const attributes = {};
    for (const { name, value } of element.attributes) {
      if (name === "class" || name === "style") continue;
      if (KEPT_VALUES.test(name)) attributes[name] = value.slice(0, 40);
      else if (/^(aria-|data-)/.test(name) || name === "id") attributes[name] = null;
    }
    if (Object.keys(attributes).length) node.attributes = attributes;
    const root = gracious.shadowRootOf(element);
    const children = [...(root ? root.children : []), ...element.children];
    if (depth < 40 && children.length) node.children = children.map((child) => describe(child, depth + 1, budget)).filter(Boolean);
    if (root) node.shadowRoot = true;
    return node;
  }

  /** The structure of the page's body with no text at all. */
  gracious.diagnosticSkeleton = () => ({
    site: gracious.currentSite ?? null,
    host: location.hostname,
    counts: gracious.healthCounts,
    skeleton: describe(document.body ?? document.documentElement, 0, { left: MAX_NODES }),
  });

  if (!gracious.skeletonListening) {
    gracious.skeletonListening = true;
    chrome.runtime.onMessage.addListener((message, sender, reply) => {
      // only the extension's own popup asks, never another tab's script
      if (sender.id !== chrome.runtime.id || sender.tab || message?.type !== "diagnostic-skeleton") return false;
      if (window !== window.top) return false;
      reply(gracious.diagnosticSkeleton());
      return false;
    });
  }
})();
