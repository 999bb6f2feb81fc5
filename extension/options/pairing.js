import { pairWith, pairingMessage, pairingStatus } from "../background/pairing-check.js";
import { DEFAULT_SETTINGS } from "../background/settings.js";
import { t } from "../pages-i18n.js";

const status = document.getElementById("pairing");
const codeField = document.getElementById("pairingCode");
const pairButton = document.getElementById("pair");
const serverField = document.getElementById("serverUrl");

function chosenServer() {
  const text = (serverField.value.trim() || DEFAULT_SETTINGS.serverUrl).replace(/\/+$/, "");
  try {
    return ["http:", "https:"].includes(new URL(text).protocol) ? text : null;
  } catch {
    return null;
  }
}

async function pair() {
  const serverUrl = chosenServer();
  if (!serverUrl) {
    status.textContent = t("optionsBadUrl");
    serverField.focus();
    return;
  }
  pairButton.disabled = true;
  status.textContent = t("optionsPairing");
  try {
    const result = await pairWith(serverUrl, codeField.value);
    status.textContent = pairingMessage(result);
    if (result.state === "paired") codeField.value = "";
    else codeField.focus();
  } finally {
    pairButton.disabled = false;
  }
}

pairButton.addEventListener("click", pair);
codeField.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  // enter pairs instead of saving the whole form
  event.preventDefault();
  pair();
});
pairingStatus().then((current) => { status.textContent = pairingMessage(current); });
