/** Fill every [data-i18n] element of an extension page with its translated text. */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    const text = chrome.i18n.getMessage(element.dataset.i18n);
    if (text) element.textContent = text;
  }
}

export const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions) || key;

export const KIND_IDS = ["thank-you", "follow-up", "withdraw", "after-rejection", "informational"];
export const TONE_IDS = ["warm", "formal", "concise"];

// labels for the choices when the server is down and can't send its own
const CHOICE_KEYS = {
  "thank-you": "kindThankYou", "follow-up": "kindFollowUp", withdraw: "kindWithdraw",
  "after-rejection": "kindAfterRejection", informational: "kindInformational",
  warm: "toneWarm", formal: "toneFormal", concise: "toneConcise",
};

/** The words for a kind or tone id, from the server's label or the extension's own. */
export const choiceLabel = ({ id, label }) => label || chrome.i18n.getMessage(CHOICE_KEYS[id] ?? "") || id;
