// the entry point: run the adapter for this site, which watches for its composes
for (const site of gracious.sites) {
  if (site.hosts.includes(location.hostname) && !site.started) {
    site.started = true;
    gracious.observe(site.watch, (element) => gracious.attachButton(site, element));
  }
}
