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
