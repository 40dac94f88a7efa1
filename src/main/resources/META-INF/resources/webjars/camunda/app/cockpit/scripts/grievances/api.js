/*
 * The project's API as the plugin calls it: same origin, the webapp session (credentials: 'same-origin'; the
 * one sign-in of docs/security.md), the header that tells the PHI access log the read came from Cockpit, and the
 * webapps' CSRF token from the plugin's api object (required for anything but GET: the director's denominator
 * entry and what-if run are the plugin's only writes).
 */

/** The project's API: at the root of the application, beside the webapps (which live under their own path). */
export const API_ROOT = '/api';
/** The diagram viewer (the Maven Central webjar org.webjars.npm:bpmn-js, served by Spring Boot). */
export const VIEWER_SCRIPT = '/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js';
/** The charts of the director's dashboard (the Maven Central webjar org.webjars.npm:echarts: its ES module build). */
export const CHARTS_MODULE = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

/** A refused or failed request: its status and the problem's one sentence. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function headers(api) {
  const h = { Accept: 'application/json', 'X-Grievance-Surface': 'cockpit' };
  if (api && api.CSRFToken) {
    h['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  return h;
}

async function read(response) {
  if (response.ok) {
    return response.json();
  }
  let detail = '';
  try {
    const problem = await response.json();
    detail = problem && typeof problem.detail === 'string' ? problem.detail : '';
  } catch (e) {
    // not a problem document
  }
  const fallback = {
    401: 'Your session has ended: sign in to Cockpit again.',
    403: 'Your role may not do this here (the views are for auditors and the patient relations director).',
    404: 'There is nothing here (an unknown case or definition).'
  }[response.status] || 'The request could not be answered.';
  throw new ApiError(response.status, detail || fallback);
}

/** GET on the project's API; path starts with a slash and has its values encoded by the caller. */
export async function getJson(api, path) {
  return read(await fetch(API_ROOT + path, { credentials: 'same-origin', headers: headers(api) }));
}

/** A change (PUT, POST) on the project's API with the session's CSRF token; body as given, of that content type. */
export async function send(api, method, path, contentType, body) {
  return read(await fetch(API_ROOT + path, {
    method, credentials: 'same-origin', headers: Object.assign(headers(api), { 'Content-Type': contentType }), body
  }));
}

/** GET on the engine's API of the webapps (api.engineApi), for what Cockpit itself reads. */
export async function getEngine(api, path) {
  return read(await fetch(api.engineApi + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
}

export function encode(value) {
  return encodeURIComponent(value);
}
