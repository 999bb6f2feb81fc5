// "Connect the extension": hand this server's pairing code to the Gracious extension, which
// accepts it only from its configured server's page and only after that server confirms it
const button = document.getElementById("connect");
const status = document.getElementById("connect-status");

function say(text) {
  status.textContent = text;
}

const REPLIES = {
  paired: "Connected: the extension is paired with this server.",
  "other-server": "The extension is set to use another server ({server}). Open its options page, set the server URL to this page's address, then click again.",
  rejected: "The extension could not confirm the code with this server. Run gracious token and paste the code into its options page.",
  down: "The extension could not reach this server. Check its server URL in the options page.",
};

function connect() {
  const runtime = globalThis.chrome && globalThis.chrome.runtime;
  if (!runtime || !runtime.sendMessage) {
    say("This browser can't reach the extension from a page (Firefox can't, and Chrome only with the extension loaded). Paste the code below into the extension's options page.");
    return;
  }
  button.disabled = true;
  runtime.sendMessage(button.dataset.extensionId, { type: "gracious-pair", token: button.dataset.pairingCode }, (reply) => {
    button.disabled = false;
    if (runtime.lastError || !reply) {
      say("The Gracious extension did not answer: load it first (step 1), then click again.");
      return;
    }
    say((REPLIES[reply.state] || "The extension could not pair ({state}).")
      .replace("{server}", reply.serverUrl || "").replace("{state}", reply.state || ""));
    if (reply.ok) button.hidden = true;
  });
}

if (button) button.addEventListener("click", connect);
