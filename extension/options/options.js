import { checkHealth, listKinds, readProfile, writeProfile } from "../background/server-api.js";
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from "../background/settings.js";
import { KIND_IDS, TONE_IDS, choiceLabel, t, translatePage } from "../pages-i18n.js";

const form = document.getElementById("options");
const fields = ["serverUrl", "name", "signature", "tone", "kind"];

function fillSelect(select, choices, chosen) {
  select.replaceChildren(...choices.map(({ id, label }) => {
    const option = new Option(choiceLabel({ id, label }), id);
    option.selected = id === chosen;
    return option;
  }));
}

async function load() {
  translatePage();
  let settings = await loadSettings();
  let choices = { kinds: KIND_IDS.map((id) => ({ id })), tones: TONE_IDS.map((id) => ({ id })) };
  try {
    choices = await listKinds();
    // the server's profile wins, so the cli and the extension agree
    const profile = await readProfile();
    settings = { ...settings, ...Object.fromEntries(Object.entries(profile ?? {}).filter(([, v]) => v)) };
  } catch {
    // an unreachable server leaves the copy saved in the browser
  }
  fillSelect(form.tone, choices.tones, settings.tone);
  fillSelect(form.kind, choices.kinds, settings.kind);
  for (const field of ["serverUrl", "name", "signature"]) form[field].value = settings[field] ?? "";
}

function readForm() {
  const values = Object.fromEntries(fields.map((field) => [field, form[field].value.trim()]));
  values.serverUrl = (values.serverUrl || DEFAULT_SETTINGS.serverUrl).replace(/\/+$/, "");
  return values;
}

function validUrl(text) {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = readForm();
  const saved = document.getElementById("saved");
  if (!validUrl(values.serverUrl)) {
    saved.textContent = t("optionsBadUrl");
    form.serverUrl.focus();
    return;
  }
  await saveSettings(values);
  try {
    const { name, signature, tone, kind } = values;
    // a put replaces the whole profile: keep the fields this form does not show, such as email
    const { email } = await readProfile().catch(() => ({}));
    await writeProfile({ name, signature, tone, kind, ...(email ? { email } : {}) });
    saved.textContent = t("optionsSaved");
  } catch {
    saved.textContent = t("optionsSavedLocally");
  }
});

document.getElementById("test").addEventListener("click", async () => {
  const output = document.getElementById("connection");
  const { serverUrl } = readForm();
  if (!validUrl(serverUrl)) {
    output.textContent = t("optionsBadUrl");
    return;
  }
  await saveSettings({ serverUrl });
  try {
    const health = await checkHealth();
    output.textContent = t("optionsConnected", [health.version ?? ""]);
  } catch {
    output.textContent = t("optionsNotConnected", [serverUrl]);
  }
});

load();
