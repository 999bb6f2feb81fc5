// the entry point: run the adapter for this site (by its host, or by a page signal such as
// outlook's owamail meta tag), which watches for its composes, in the page and in shadow roots
for (const site of gracious.sites) {
  const here = site.hosts.includes(location.hostname) || site.detect?.();
  if (here && site.watch && !site.started) {
    site.started = true;
    gracious.currentSite = site.id;
    gracious.observe(site.watch, (element) => gracious.attachButton(site, element), site.shadowHosts);
    gracious.watchForMissingButton?.(site);
  }
}
