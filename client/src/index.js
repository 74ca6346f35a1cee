// Lumina Auth browser client: one ES module, no dependency, no build step. The same file is the npm package
// @lumina-auth/client and what the Lumina jar serves at <app root><base path>/client.js.
//
//   import { signIn, signOut, getSession, getProviders, authState } from "@lumina-auth/client";
//   authState.subscribe(s => render(s));          // {status, session, error}; a Svelte store as it is
//   await signIn("github", { callbackUrl: "/" });  // full-page redirect: nothing after it runs
//
// Safe to import on a server (SSR): nothing touches window, document or fetch before a function is called.
// Every request is same-origin with cookies; the CSRF token is fetched from <base>/csrf when needed.

const ERROR_CODE = /^[a-z][a-z_]{0,63}$/;
/** The query parameters Lumina adds to the error URL of a failed sign-in. */
const FAILURE_PARAMS = ["error", "provider", "reason"];
const NOT_JSON = Symbol("not JSON");

/**
 * Where Lumina's endpoints are when nothing is configured: beside this module when Lumina serves it
 * (`<base>/client.js`), else `/auth` on the page's origin (the module was bundled, or imported on a server).
 */
function defaultBase() {
  try {
    const here = new URL(import.meta.url);
    if ((here.protocol === "http:" || here.protocol === "https:") && here.pathname.endsWith("/client.js")) {
      return new URL("./", here).href;
    }
  } catch (_) {
    // no usable import.meta.url: the default below
  }
  return "/auth";
}

/** A failure to talk to Lumina at all: `code` is `network_error` or `server_error`. */
export class LuminaError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = "LuminaError";
    this.code = code;
  }
}

/**
 * A client of one Lumina back end with a state of its own. The module's exports are one such client;
 * `createClient` makes others (another base path, a fake `fetch` or `window` in tests).
 */
export function createClient(options = {}) {
  let opts = { ...options };
  let state = Object.freeze({ status: "loading", session: null, error: null });
  const subscribers = new Set();
  let loads = 0; // the number of the latest session load: only its answer sets the state
  let loading = null;

  function win() {
    if (opts.window !== undefined) return opts.window || null;
    return typeof window === "undefined" ? null : window;
  }

  function base() {
    return String(opts.base || defaultBase()).replace(/\/+$/, "");
  }

  function url(path) {
    return `${base()}/${path}`;
  }

  function set(next) {
    const merged = { ...state, ...next };
    if (merged.status === state.status && merged.session === state.session && merged.error === state.error) return;
    state = Object.freeze(merged);
    for (const s of [...subscribers]) s.run(state);
  }

  function unreachable(error) {
    set({ status: "error", session: null, error: error.code });
    return error;
  }

  /** One request to Lumina; a LuminaError (and status "error") when it does not answer as Lumina does. */
  async function send(method, path, body) {
    const fetcher = opts.fetch || globalThis.fetch;
    const target = url(path);
    let response;
    try {
      if (typeof fetcher !== "function") throw new TypeError("no fetch in this environment");
      response = await fetcher(target, {
        method,
        credentials: "same-origin",
        headers: body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
    } catch (cause) {
      throw unreachable(new LuminaError("network_error", `Lumina: ${method} ${target} failed: ${cause && cause.message}`, { cause }));
    }
    let json = NOT_JSON;
    try {
      json = await response.json();
    } catch (_) {
      json = NOT_JSON;
    }
    if (json === NOT_JSON) {
      // a proxy in front of a back end that is down answers 502-504 without Lumina's JSON
      const code = response.status >= 502 && response.status <= 504 ? "network_error" : "server_error";
      throw unreachable(new LuminaError(code, `Lumina: ${method} ${target} answered ${response.status} without JSON `
          + `(is the base path "${base()}" right, and proxied to Lumina?)`));
    }
    return { ok: response.ok, status: response.status, json };
  }

  async function getJson(path) {
    const { ok, status, json } = await send("GET", path);
    if (!ok) throw unreachable(new LuminaError("server_error", `Lumina: GET ${url(path)} answered ${status}`));
    return json;
  }

  async function csrfToken() {
    const json = await getJson("csrf");
    if (!json || typeof json.csrfToken !== "string") {
      throw unreachable(new LuminaError("server_error", `Lumina: GET ${url("csrf")} gave no csrfToken`));
    }
    return json.csrfToken;
  }

  /** Sends the browser away; the returned promise never settles, so code after `await` does not run. */
  function navigate(target) {
    const w = win();
    if (!w || !w.location) throw new TypeError("Lumina: a redirect needs a browser; pass { redirect: false }");
    w.location.assign(target);
    return new Promise(() => {});
  }

  function withError(target, error, provider) {
    const u = new URL(target, win().location.href);
    u.searchParams.set("error", error);
    if (provider) u.searchParams.set("provider", provider);
    return u.toString();
  }

  /** In a browser: the `?error=` a failed sign-in left on this page's URL goes into the state and off the URL. */
  function takeErrorFromUrl() {
    const w = win();
    if (!w || !w.location || typeof w.location.href !== "string") return;
    let u;
    try {
      u = new URL(w.location.href);
    } catch (_) {
      return;
    }
    const code = u.searchParams.get("error");
    if (!code || !ERROR_CODE.test(code)) return;
    for (const name of FAILURE_PARAMS) u.searchParams.delete(name);
    set({ error: code });
    try {
      if (w.history) w.history.replaceState(w.history.state, "", u.pathname + u.search + u.hash);
    } catch (_) {
      // the address bar keeps it; the state has it anyway
    }
  }

  async function getSession() {
    const mine = ++loads;
    const wasError = state.status === "error";
    const session = (await getJson("session")) || null; // a failure has set status "error" already
    if (mine === loads) {
      const clear = wasError || state.status === "error"; // an error of the transport, not of a sign-in
      set({ status: session ? "authenticated" : "unauthenticated", session, ...(clear ? { error: null } : {}) });
    }
    return session;
  }

  function load() {
    if (!loading) loading = getSession().catch(() => null).finally(() => { loading = null; });
    return loading;
  }

  const authState = {
    subscribe(run, invalidate) {
      if (typeof run !== "function") throw new TypeError("authState.subscribe needs a function");
      const entry = { run, invalidate };
      takeErrorFromUrl();
      subscribers.add(entry);
      run(state);
      // loaded on the first subscription (again after an error) where there is something to load from
      if ((state.status === "loading" || state.status === "error") && (win() || opts.fetch)) load();
      return () => {
        subscribers.delete(entry);
      };
    },
  };

  async function getProviders() {
    const json = await getJson("providers");
    return Array.isArray(json) ? json : Object.values(json || {});
  }

  async function providerType(provider) {
    try {
      const found = (await getProviders()).find((p) => p && p.id === provider);
      if (found) return found.type;
    } catch (_) {
      // no provider list: an OAuth sign-in, the server decides
    }
    return "oauth";
  }

  async function signIn(provider, { callbackUrl, errorUrl, redirect = true, fields } = {}) {
    if (!provider || typeof provider !== "string") throw new TypeError("signIn needs a provider id");
    const credentials = fields ? true : (await providerType(provider)) === "credentials";
    const body = { csrfToken: await csrfToken() };
    if (callbackUrl) body.callbackUrl = callbackUrl;
    if (errorUrl) body.errorUrl = errorUrl;
    if (credentials && fields) {
      for (const [name, value] of Object.entries(fields)) {
        if (!(name in body)) body[name] = value == null ? "" : String(value);
      }
    }
    const path = (credentials ? "callback/" : "signin/") + encodeURIComponent(provider);
    const { ok, status, json } = await send("POST", path, body);
    if (ok && json && typeof json.url === "string") {
      if (redirect) return navigate(json.url);
      if (credentials) {
        set({ error: null });
        await getSession().catch(() => {});
      }
      return { ok: true, status, error: null, url: json.url };
    }
    if (!json || typeof json.error !== "string") {
      throw unreachable(new LuminaError("server_error", `Lumina: POST ${url(path)} answered ${status} without url or error`));
    }
    const error = ERROR_CODE.test(json.error) ? json.error : "server_error";
    if (redirect) return navigate(withError(errorUrl || url("error"), error, provider));
    set({ error });
    return { ok: false, status, error, url: null };
  }

  async function signOut({ callbackUrl, redirect = true, provider } = {}) {
    const body = { csrfToken: await csrfToken() };
    if (callbackUrl) body.callbackUrl = callbackUrl;
    if (typeof provider === "boolean") body.provider = provider;
    const { ok, json } = await send("POST", "signout", body);
    const target = json && typeof json.url === "string" ? json.url : null;
    if (ok) set({ status: "unauthenticated", session: null, error: null });
    if (ok && redirect && target) return navigate(target);
    const error = ok ? null : json && typeof json.error === "string" && ERROR_CODE.test(json.error) ? json.error : "server_error";
    return { ok, error, url: target };
  }

  function configure(next = {}) {
    opts = { ...opts, ...next };
  }

  return { authState, signIn, signOut, getSession, getProviders, configure };
}

// ---- the module's own client ------------------------------------------------------------------------------

const client = createClient();

/**
 * The sign-in state: `{status: "loading" | "authenticated" | "unauthenticated" | "error", session, error}`.
 * `subscribe(fn)` calls `fn` at once with the current value and on every change, and returns the function
 * that unsubscribes (Svelte's store contract: `$authState` works). In a browser the session is loaded on the
 * first subscription, and the `?error=` a failed sign-in put on the page's URL becomes `error` and is taken
 * off the address bar. `status: "error"` means Lumina could not be reached (`error`: `network_error` or
 * `server_error`); it is not "signed out".
 */
export const authState = client.authState;

/** Points the module's client elsewhere: `configure({ base: "/api/auth" })` (also `fetch`, `window`). */
export function configure(options) {
  client.configure(options);
}

/** The signed-in session (client-safe fields only), or null. Updates authState. */
export async function getSession() {
  return client.getSession();
}

/** The configured providers: [{id, name, type, signinUrl}]. */
export async function getProviders() {
  return client.getProviders();
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
 * authState). It rejects with a LuminaError when Lumina cannot be reached.
 */
export async function signIn(provider, options) {
  return client.signIn(provider, options);
}

/**
 * Signs out: clears the session cookie, then (with `redirect: true`, the default) goes to `callbackUrl`
 * (default: the application root); the promise then never settles. With `redirect: false` it resolves to
 * `{ok, error, url}`.
 *
 * `provider: true` also ends the session at the provider (OpenID Connect RP-Initiated Logout, when the provider
 * has an `end_session_endpoint`): the browser goes to the provider first, which sends it back through Lumina to
 * `callbackUrl`. `provider: false` keeps it local; without it, the provider's `logout` setting decides. With
 * `redirect: false`, `url` is then the provider's URL: navigate there, or the provider's session stays.
 */
export async function signOut(options) {
  return client.signOut(options);
}
