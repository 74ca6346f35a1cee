// Lumina Auth browser client: an ES module served by the library at <app root>/auth/client.js.
//
//   import { signIn, signOut, getSession, getProviders, authState } from "/auth/client.js";
//   authState.subscribe(s => render(s));          // {status, session, error}; a Svelte store as it is
//   await signIn("github", { callbackUrl: "/" });  // full-page redirect: nothing after it runs
//
// No build step, no dependency. Every request is same-origin with cookies; the CSRF token is fetched
// from <app root>/auth/csrf when needed.

const AUTH = new URL("./", import.meta.url); // <app root>/auth/
const ERROR_CODE = /^[a-z][a-z_]{0,63}$/;

function url(path) {
  return new URL(path, AUTH).toString();
}

async function getJson(path) {
  const response = await fetch(url(path), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
    cache: "no-store",
  });
  if (!response.ok) {
    throw new Error(`Lumina: GET ${path} answered ${response.status}`);
  }
  return response.json();
}

async function postJson(path, body) {
  const response = await fetch(url(path), {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  let json = null;
  try {
    json = await response.json();
  } catch (_) {
    json = null;
  }
  return { status: response.status, ok: response.ok, json: json || {} };
}

async function csrfToken() {
  const { csrfToken } = await getJson("csrf");
  return csrfToken;
}

/** Sends the browser away; the returned promise never settles, so code after `await` does not run. */
function navigate(target) {
  window.location.assign(target);
  return new Promise(() => {});
}

function withError(target, error, provider) {
  const u = new URL(target, window.location.href);
  u.searchParams.set("error", error);
  if (provider) u.searchParams.set("provider", provider);
  return u.toString();
}

// ---- authState: a readable store (Svelte's store contract) ---------------------------------------------

function errorFromLocation() {
  if (typeof window === "undefined" || !window.location) return null;
  const code = new URLSearchParams(window.location.search).get("error");
  return code && ERROR_CODE.test(code) ? code : null;
}

let state = Object.freeze({ status: "loading", session: null, error: errorFromLocation() });
const subscribers = new Set();
let started = false;

function set(next) {
  state = Object.freeze({ ...state, ...next });
  for (const fn of [...subscribers]) fn(state);
}

/**
 * The sign-in state: `{status: "loading" | "authenticated" | "unauthenticated", session, error}`.
 * `subscribe(fn)` calls `fn` at once with the current value and on every change, and returns the function
 * that unsubscribes. The session is loaded on the first subscription. `error` is the `?error=` code of the
 * page's URL, as a failed sign-in leaves it on the failure page.
 */
export const authState = {
  subscribe(fn) {
    if (typeof fn !== "function") throw new TypeError("authState.subscribe needs a function");
    subscribers.add(fn);
    fn(state);
    if (!started) {
      started = true;
      getSession().catch(() => {});
    }
    return () => {
      subscribers.delete(fn);
    };
  },
};

// ---- API ------------------------------------------------------------------------------------------------

/** The signed-in session (client-safe fields only), or null. Updates authState. */
export async function getSession() {
  try {
    const session = await getJson("session");
    set({ status: session ? "authenticated" : "unauthenticated", session: session || null });
    return session || null;
  } catch (e) {
    set({ status: "unauthenticated", session: null });
    throw e;
  }
}

/** The configured providers: [{id, name, type, signinUrl}]. */
export async function getProviders() {
  return getJson("providers");
}

async function providerType(provider, fields) {
  try {
    const providers = await getProviders();
    const list = Array.isArray(providers) ? providers : Object.values(providers || {});
    const found = list.find((p) => p && p.id === provider);
    if (found) return found.type;
  } catch (_) {
    // no provider list: decide by the arguments
  }
  return fields ? "credentials" : "oauth";
}

/**
 * Starts a sign-in with a provider.
 *
 * OAuth/OIDC providers: the browser goes to the provider (a full-page redirect).
 * Credentials providers: `fields` (e.g. {username, password}) are posted; on success the browser goes to
 * `callbackUrl`, on failure to `errorUrl` (default: the built-in error page) with `?error=<code>`.
 *
 * With `redirect: true` (the default) the page navigates away and the returned promise never settles:
 * code after `await signIn(...)` does not run. With `redirect: false` it resolves to
 * `{ok, status, error, url}` and leaves the page where it is (a successful credentials sign-in then updates
 * authState).
 */
export async function signIn(provider, { callbackUrl, errorUrl, redirect = true, fields } = {}) {
  if (!provider || typeof provider !== "string") throw new TypeError("signIn needs a provider id");
  const type = await providerType(provider, fields);
  const credentials = type === "credentials";
  const body = { csrfToken: await csrfToken() };
  if (callbackUrl) body.callbackUrl = callbackUrl;
  if (errorUrl) body.errorUrl = errorUrl;
  if (credentials && fields) {
    for (const [name, value] of Object.entries(fields)) {
      if (!(name in body)) body[name] = value == null ? "" : String(value);
    }
  }
  const path = (credentials ? "callback/" : "signin/") + encodeURIComponent(provider);
  const { ok, status, json } = await postJson(path, body);
  if (ok && json.url) {
    if (redirect) return navigate(json.url);
    if (credentials) {
      set({ error: null });
      await getSession().catch(() => {});
    }
    return { ok: true, status, error: null, url: json.url };
  }
  const error = typeof json.error === "string" && ERROR_CODE.test(json.error) ? json.error : "server_error";
  if (redirect) {
    return navigate(withError(errorUrl || url("error"), error, provider));
  }
  set({ error });
  return { ok: false, status, error, url: null };
}

/**
 * Signs out: clears the session cookie, then (with `redirect: true`, the default) goes to `callbackUrl`
 * (default: the application root); the promise then never settles. With `redirect: false` it resolves to `{ok, url}`.
 */
export async function signOut({ callbackUrl, redirect = true } = {}) {
  const body = { csrfToken: await csrfToken() };
  if (callbackUrl) body.callbackUrl = callbackUrl;
  const { ok, json } = await postJson("signout", body);
  if (ok) set({ status: "unauthenticated", session: null, error: null });
  if (ok && redirect && json.url) return navigate(json.url);
  return { ok, url: json.url || null };
}
