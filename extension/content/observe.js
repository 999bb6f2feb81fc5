// refined github's trick: a css animation fires "animationstart" once an element matching the
// selector is rendered, so watching costs nothing while the page churns (hidden elements wait).
// the rule and the listener go into open shadow roots too, since styles and closest() stop there.
(() => {
  let observerCount = 0;
  // a shadow host may attach its root a little after it renders: look again often for this long,
  const SHADOW_WAIT_MS = 5000;
  // then now and then for as long as the host is in the page (linkedin may attach it on first use)
  const SHADOW_SLOW_MS = 500;

  function watchScope(scope, name, rules, callback) {
    const style = document.createElement("style");
    style.textContent = `@keyframes ${name} {} ${rules} { animation: 1ms ${name}; }`;
    (scope === document ? document.head ?? document.documentElement : scope).append(style);
    scope.addEventListener("animationstart", (event) => {
      if (event.animationName !== name) return;
      // the real element, even when the event was retargeted to a shadow host on its way out
      const element = event.composedPath()[0];
      // the mark stops the animation and keeps a composed event from running the callback twice
      if (!(element instanceof Element) || element.classList.contains(name)) return;
      element.classList.add(name);
      callback(element);
    }, true);
  }

  function whenShadowRoot(host, use) {
    const started = performance.now();
    const look = () => {
      const root = gracious.shadowRootOf(host);
      if (root) use(root);
      else if (host.isConnected) setTimeout(look, performance.now() - started < SHADOW_WAIT_MS ? 100 : SHADOW_SLOW_MS);
    };
    look();
  }

  /** Call back once for every element that matches the selector, now or later, in the page and in
   *  the shadow roots of elements matching shadowHosts. */
  gracious.observe = (selector, callback, shadowHosts = null) => {
    const name = `gracious-seen-${++observerCount}-${Math.random().toString(36).slice(2, 8)}`;
    // one plain compound per selector (no :where) so the browser files the rule under its class or
    // attribute and never tests it against the page's other elements; adapters use no commas in ()
    const rules = selector.split(",").map((part) => `${part.trim()}:not(.${name})`).join(", ");
    watchScope(document, name, rules, callback);
    if (shadowHosts) {
      const scopes = new WeakSet();
      gracious.observe(shadowHosts, (host) => whenShadowRoot(host, (root) => {
        if (scopes.has(root)) return;
        scopes.add(root);
        watchScope(root, name, rules, callback);
      }));
    }
  };
})();
