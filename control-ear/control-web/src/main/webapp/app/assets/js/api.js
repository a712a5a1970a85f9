// The one module that talks to Silo's public REST API (/api/0/…): the session cookie travels by itself, every
// state change sends the CSRF token, problem+json errors become ApiError, Link headers become cursors.
// Pages never build /api URLs' query strings or parse errors themselves.

const CSRF_COOKIE = 'silo_csrf';
let unauthorizedHandler = () => {};

/** A refused request: its status, problem+json detail and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fields = {};
    for (const error of this.problem.errors || []) {
      this.fields[error.field] = error.message;
    }
  }
}

/** Called when a request is refused for want of a session (it expired or was revoked). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

function csrfToken() {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : '';
}

function queryString(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') {
        params.append(key, one);
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Sentry's Link header: `<url>; rel="next"; results="true"; cursor="…"` → {next: "…", previous: "…"}. */
export function parseLink(header) {
  const cursors = {};
  for (const part of (header || '').split(/,\s*(?=<)/)) {
    const rel = /rel="([^"]+)"/.exec(part);
    const results = /results="([^"]+)"/.exec(part);
    const cursor = /cursor="([^"]+)"/.exec(part);
    if (rel && cursor && results && results[1] === 'true') {
      cursors[rel[1]] = cursor[1];
    }
  }
  return cursors;
}

/**
 * One request. `path` is below /api/0 and is built from encoded parts by the caller's helper `path()`.
 * Resolves to {status, data, cursors}; rejects with ApiError.
 */
export async function request(method, path, { body, query, anonymous } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-CSRF-Token'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(`/api/0${path}${queryString(query)}`, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    throw new ApiError(0, { detail: 'Silo cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (notJson) {
      data = { detail: `The server answered ${response.status} with a body that is not JSON.` };
    }
  }
  if (response.status === 401 && !anonymous) {
    unauthorizedHandler();
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data, cursors: parseLink(response.headers.get('Link')) };
}

/** A path below /api/0 from literal pieces and values, each value encoded: path`/organizations/${slug}/`. */
export function path(strings, ...values) {
  return strings.reduce((built, piece, index) =>
    built + piece + (index < values.length ? encodeURIComponent(values[index]) : ''), '');
}

export const api = {
  get: (url, query, options) => request('GET', url, { query, ...options }).then((reply) => reply.data),
  page: (url, query) => request('GET', url, { query }),
  post: (url, body) => request('POST', url, { body }),
  put: (url, body) => request('PUT', url, { body }).then((reply) => reply.data),
  delete: (url, query) => request('DELETE', url, { query }),
};
