// The session and the console's API calls.
//
// Sign-in posts Cognito's InitiateAuth (USER_PASSWORD_AUTH) to the configured endpoint; the IdToken it returns
// is kept in sessionStorage (it goes with the tab; never local storage, never a cookie) with its expiry, and
// sent as "Authorization: Bearer <IdToken>". The session ends when the token expires, on any 401, or on
// "Sign out". Nothing else is ever stored in the browser: no finding, no excerpt, no filter.

const SESSION_KEY = 'privscan.console.session';
let config = null;
let expiryTimer = null;
const signedOutListeners = [];

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function loadConfig() {
  const response = await fetch('/console/config.json', { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new ApiError(response.status, 'The console is not configured.');
  config = await response.json();
  return config;
}

export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

export function session() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch {
    saved = null;
  }
  if (!saved || typeof saved.token !== 'string' || !(Date.now() < saved.expiresAt)) return null;
  return saved;
}

function tokenExpiry(token) {
  // the JWT's exp claim, in ms; the token itself is verified by API Gateway, not here
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(payload)).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function scheduleExpiry(expiresAt) {
  clearTimeout(expiryTimer);
  expiryTimer = setTimeout(() => signOut('Your session has expired; sign in again.'), Math.max(0, expiresAt - Date.now()));
}

export function resumeSession() {
  const saved = session();
  if (saved) scheduleExpiry(saved.expiresAt);
  else sessionStorage.removeItem(SESSION_KEY);
  return saved;
}

export async function signIn(username, password) {
  if (!config) await loadConfig();
  let response;
  try {
    response = await fetch(config.auth_endpoint, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: config.client_id,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
  } catch {
    throw new ApiError(0, 'The sign-in service cannot be reached.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const kind = String(body.__type || '');
    const wrong = kind.includes('NotAuthorized') || kind.includes('UserNotFound');
    throw new ApiError(response.status, wrong ? 'Wrong user name or password.' : 'Sign-in failed; try again.');
  }
  if (body.ChallengeName) {
    throw new ApiError(400, 'This account must finish its set-up first (' + String(body.ChallengeName) + ').');
  }
  const token = body.AuthenticationResult && body.AuthenticationResult.IdToken;
  if (!token) throw new ApiError(500, 'Sign-in returned no token.');
  const byLifetime = Date.now() + 1000 * Number(body.AuthenticationResult.ExpiresIn || 3600);
  const expiresAt = Math.min(byLifetime, tokenExpiry(token) || byLifetime);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, expiresAt }));
  scheduleExpiry(expiresAt);
}

export function signOut(reason) {
  clearTimeout(expiryTimer);
  sessionStorage.removeItem(SESSION_KEY);
  for (const listener of signedOutListeners) listener(reason || '');
}

async function authorised(path, options = {}) {
  const saved = session();
  if (!saved) {
    signOut('Your session has expired; sign in again.');
    throw new ApiError(401, 'Signed out.');
  }
  const headers = { Authorization: 'Bearer ' + saved.token };
  const init = { method: options.method || 'GET', headers, cache: 'no-store', credentials: 'omit' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    signOut('Your session has ended; sign in again.');
    throw new ApiError(401, 'Signed out.');
  }
  return response;
}

export async function api(path, options = {}) {
  const response = await authorised(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.message || 'The request failed (' + response.status + ').');
  return body;
}

export async function download(path, filename) {
  const response = await authorised(path);
  if (!response.ok) throw new ApiError(response.status, 'The export failed (' + response.status + ').');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
