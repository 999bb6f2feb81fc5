// full-text search over the guide, answered in the browser from Pagefind's static index
const box = document.querySelector(".search");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const base = box.dataset.base;
let pagefind;
let latest = 0;

// pagefind's excerpts are html with <mark>; keep only text and marks so nothing else slips in
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(excerpt, "text/html");
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function resultItem(result) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(link, excerpt);
  return item;
}

async function search(query) {
  const mine = ++latest;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  pagefind ??= await import(`${base}pagefind/pagefind.js`).then(async (module) => {
    await module.options({ baseUrl: base });
    return module;
  });
  const found = await pagefind.debouncedSearch(query, {}, 150);
  if (found === null || mine !== latest) return;
  const results = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
  if (mine !== latest) return;
  list.replaceChildren(...results.map(resultItem));
  const count = found.results.length;
  status.textContent = count
    ? `${count} ${count === 1 ? "page matches" : "pages match"} “${query}”.`
    : `Nothing matches “${query}”. Try a shorter word.`;
}

box.hidden = false;
input.addEventListener("input", () => search(input.value));
box.closest("form")?.addEventListener("submit", (event) => event.preventDefault());
const preset = new URLSearchParams(location.search).get("q");
if (preset) {
  input.value = preset;
  search(preset);
}
