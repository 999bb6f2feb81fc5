import { pairingMessage, pairingStatus } from "../background/pairing-check.js";
import { t } from "../pages-i18n.js";

// the popup says plainly when the extension is not (or wrongly) paired, and how to fix it
async function showPairing() {
  const current = await pairingStatus();
  const place = document.getElementById("pairing");
  place.dataset.state = current.state;
  if (current.state !== "unpaired" && current.state !== "wrong") {
    place.hidden = true;
    return;
  }
  const options = document.createElement("a");
  options.href = "../options/options.html";
  options.target = "_blank";
  options.textContent = t("popupOpenOptions");
  place.replaceChildren(pairingMessage(current), " ", options);
  place.hidden = false;
}

showPairing();
