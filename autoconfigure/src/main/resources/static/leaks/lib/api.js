/*
 * Requests to the leaks endpoint. The page holds no data of its own: every figure is read and
 * every action is sent here, so the endpoint's access level and the application's security
 * rules decide what the page may do.
 */
import { config } from './config.js';

/**
 * One request to the endpoint, answered as { ok, status, body, message }. Never throws: a
 * network failure, a refusal or an answer that is not JSON (a login page after a session
 * expired) all come back as values. Writes carry the CSRF token when the page has one.
 */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && config.csrfToken && config.csrfHeader) {
    headers[config.csrfHeader] = config.csrfToken;
  }
  let response;
  try {
    response = await fetch(config.endpoint + path, init);
  }
  catch (failure) {
    return { ok: false, status: 0, body: null, message: 'The application did not answer (' + failure.message + ')' };
  }
  let text = '';
  try {
    text = await response.text();
  }
  catch (failure) {
    text = '';
  }
  const parsed = parseJson(text);
  if (response.ok && text && parsed === null) {
    return { ok: false, status: response.status, body: null, notJson: true,
      message: 'The answer was not JSON' + (response.redirected ? ' (redirected, probably to a login page)' : '')
        + ': reload the page and sign in' };
  }
  const message = parsed && typeof parsed.message === 'string' ? parsed.message : 'HTTP ' + response.status;
  return { ok: response.ok, status: response.status, body: parsed, message: message };
}

function parseJson(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  }
  catch (notJson) {
    return null;
  }
}

/** Why a request failed, in a sentence that starts with what was asked for. */
export function refusalText(what, answer) {
  if (answer.status === 429) {
    return what + ' is busy: ' + answer.message;
  }
  return what + ' failed' + (answer.status ? ' (HTTP ' + answer.status + ')' : '') + ': ' + answer.message;
}
