// a new user lands on the welcome page: it checks the server, pairs, and asks who they are
export function startWelcome() {
  chrome.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== "install") return;
    chrome.tabs.create({ url: chrome.runtime.getURL("welcome/welcome.html") });
  });
}
