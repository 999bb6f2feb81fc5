// refined github's trick: a css animation fires "animationstart" once an element matching the
// selector is rendered, so watching costs nothing while the page churns (hidden elements wait)
let observerCount = 0;

/** Call back once for every element that matches the selector, now or later. */
gracious.observe = (selector, callback) => {
  const name = `gracious-seen-${++observerCount}-${Math.random().toString(36).slice(2, 8)}`;
  const style = document.createElement("style");
  // one plain compound per selector (no :where) so the browser files the rule under its class or
  // attribute and never tests it against the page's other elements; adapters use no commas in ()
  const rules = selector.split(",").map((part) => `${part.trim()}:not(.${name})`).join(", ");
  style.textContent = `@keyframes ${name} {} ${rules} { animation: 1ms ${name}; }`;
  (document.head ?? document.documentElement).append(style);
  document.addEventListener("animationstart", (event) => {
    if (event.animationName !== name) return;
    const element = event.target;
    // the mark stops the animation; if the page rewrites className the callback runs again harmlessly
    element.classList.add(name);
    callback(element);
  }, true);
};
