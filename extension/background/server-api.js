import { authorizationHeader, loadPairingToken, pairingMessage } from "./pairing.js";
import { loadSettings } from "./settings.js";

/** The server could not be reached at all. */
export class ServerDownError extends Error {
  constructor(serverUrl) {
    super(`no answer from ${serverUrl}`);
    this.name = "ServerDownError";
    this.serverUrl = serverUrl;
  }
}

/** The server answered with an application/problem+json error. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `server answered ${status}`);
    this.name = "ProblemError";
    this.status = status;
    this.problem = problem;
  }
}

/** The server refused the pairing code: none saved yet, or one that is not this server's. */
export class PairingError extends ProblemError {
  constructor(status, problem, serverUrl, hadToken) {
    super(status, problem);
    this.name = "PairingError";
    this.state = hadToken ? "wrong" : "unpaired";
    this.serverUrl = serverUrl;
    this.message = pairingMessage({ state: this.state, serverUrl });
  }
}

// pages can't reach the server through us: only the worker and extension pages call this
async function call(path, { method = "GET", body } = {}) {
  const [{ serverUrl }, token] = await Promise.all([loadSettings(), loadPairingToken()]);
  let response;
  try {
    response = await fetch(new URL(path, serverUrl), {
      method,
      headers: {
        ...authorizationHeader(token),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ServerDownError(serverUrl);
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (response.status === 401) throw new PairingError(401, data, serverUrl, Boolean(token));
  if (!response.ok) throw new ProblemError(response.status, data);
  return data;
}

export const checkHealth = () => call("/api/v1/health");
export const listKinds = () => call("/api/v1/kinds");
export const draftNote = (request) => call("/api/v1/drafts", { method: "POST", body: request });
export const checkNote = (note) => call("/api/v1/check", { method: "POST", body: note });
export const readProfile = () => call("/api/v1/profile");
export const writeProfile = (profile) => call("/api/v1/profile", { method: "PUT", body: profile });
export const listDueReminders = () => call("/api/v1/reminders?due=1");
export const createReminder = (reminder) => call("/api/v1/reminders", { method: "POST", body: reminder });
export const updateReminder = (id, changes) =>
  call(`/api/v1/reminders/${encodeURIComponent(id)}`, { method: "PATCH", body: changes });
export const recordHistory = (entry) => call("/api/v1/history", { method: "POST", body: entry });
export const readAgenda = (tz) => call(`/api/v1/agenda?tz=${encodeURIComponent(tz)}`);
export const draftForInterviewer = (interviewId, { kind, interviewer }) =>
  call(`/api/v1/interviews/${encodeURIComponent(interviewId)}/drafts?kind=${encodeURIComponent(kind)}&interviewer=${encodeURIComponent(interviewer)}`);
export const importInvitation = (ics) => call("/api/v1/interviews/import", { method: "POST", body: { ics } });
export const recordSent = (note) => call("/api/v1/sent", { method: "POST", body: note });
