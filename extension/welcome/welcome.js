import { pairWith, pairingMessage, pairingStatus } from "../background/pairing-check.js";
import { writeProfile } from "../background/server-api.js";
import { guideUrl, loadSettings, saveSettings } from "../background/settings.js";
import { TONE_IDS, choiceLabel } from "../pages-i18n.js";

const $ = (id) => document.getElementById(id);

async function showServer() {
  const current = await pairingStatus();
  $("guide").href = guideUrl(current.serverUrl, "faq/");
  const down = current.state === "down";
  $("server").textContent = down
    ? `No Gracious server answers at ${current.serverUrl} yet.`
    : `The Gracious server ${current.version} is running at ${current.serverUrl}.`;
  $("start").hidden = !down;
  $("pairing").textContent = down ? "" : pairingMessage(current);
}

async function pair() {
  const { serverUrl } = await loadSettings();
  $("pair").disabled = true;
  try {
    const result = await pairWith(serverUrl, $("pairingCode").value);
    $("pairing").textContent = pairingMessage(result);
    if (result.state === "paired") $("pairingCode").value = "";
  } finally {
    $("pair").disabled = false;
  }
}

async function save(event) {
  event.preventDefault();
  const profile = {
    name: $("name").value.trim(), email: $("email").value.trim(),
    signature: $("signature").value.trim(), tone: $("tone").value,
  };
  await saveSettings({ name: profile.name, signature: profile.signature, tone: profile.tone });
  try {
    await writeProfile(profile);
    $("saved").textContent = "Saved. Open a compose in Gmail, Outlook or LinkedIn and click the Gracious button.";
  } catch (error) {
    $("saved").textContent = `Saved in the browser only: ${error.message}`;
  }
}

async function start() {
  const settings = await loadSettings();
  $("tone").replaceChildren(...TONE_IDS.map((id) => new Option(choiceLabel({ id }), id, false, id === settings.tone)));
  $("name").value = settings.name ?? "";
  $("signature").value = settings.signature ?? "";
  $("check").addEventListener("click", showServer);
  $("pair").addEventListener("click", pair);
  $("profile").addEventListener("submit", save);
  await showServer();
}

start();
