// selector health, kept in the browser: per site, what the adapters found on the last page and
// in total, so the popup can say "Gmail: working" or "LinkedIn: no compose found on this page"
export const SITE_HEALTH_KEY = "siteHealth";
const COUNTERS = /^(composesSeen|bodiesFound|buttonsPlaced|duplicatesRemoved|hintShown|insert:[\w-]+)$/;

let saving = Promise.resolve();

function merge(record, { page, counts }) {
  const next = { total: { ...record?.total }, lastPage: record?.lastPage?.id === page ? { ...record.lastPage } : { id: page, counts: {} } };
  next.lastPage.counts = { ...next.lastPage.counts };
  for (const [name, value] of Object.entries(counts ?? {})) {
    if (!COUNTERS.test(name) || !Number.isFinite(value) || value < 0) continue;
    next.total[name] = (next.total[name] ?? 0) + value;
    next.lastPage.counts[name] = (next.lastPage.counts[name] ?? 0) + value;
  }
  next.lastPage.at = new Date().toISOString();
  return next;
}

/** Add a content script's counts for one site to what is stored. */
export function recordSiteHealth({ site, page, counts }) {
  if (typeof site !== "string" || !/^[\w-]{1,40}$/.test(site) || typeof page !== "string") return null;
  // one write at a time, so two tabs reporting together don't lose each other's counts
  saving = saving.then(async () => {
    const { [SITE_HEALTH_KEY]: health = {} } = await chrome.storage.local.get(SITE_HEALTH_KEY);
    health[site] = merge(health[site], { page, counts });
    await chrome.storage.local.set({ [SITE_HEALTH_KEY]: health });
  });
  return saving;
}

/** Everything stored, for the popup. */
export async function readSiteHealth() {
  const { [SITE_HEALTH_KEY]: health = {} } = await chrome.storage.local.get(SITE_HEALTH_KEY);
  return health;
}
