// Fakes for the client's tests: a fetch that answers like Lumina, a window with location and history.
// (Under test/, so `node --test` loads this file too: it has no tests.)

/** A Response-like answer. `body` is JSON unless `raw` is given (then json() fails, as with HTML). */
export function answer(status, body, raw) {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => {
      if (raw !== undefined) throw new SyntaxError("Unexpected token '<'");
      return body;
    },
  };
}

/**
 * A fetch over `routes`: {"GET /auth/session": answer | (init, call) => answer}. Records every call as
 * {method, url, init, body}; an unknown route answers 404 {"error":"not_found"}.
 */
export function fakeFetch(routes = {}) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    const method = init.method || "GET";
    const call = { method, url, init, body: init.body === undefined ? undefined : JSON.parse(init.body) };
    calls.push(call);
    const route = routes[`${method} ${url}`];
    const a = typeof route === "function" ? await route(call) : route;
    return a || answer(404, { error: "not_found" });
  };
  fetch.calls = calls;
  return fetch;
}

/** The usual Lumina under /auth: signed out, one OIDC provider and a credentials provider, CSRF token "t1". */
export function lumina(overrides = {}) {
  return fakeFetch({
    "GET /auth/session": answer(200, null),
    "GET /auth/csrf": answer(200, { csrfToken: "t1" }),
    "GET /auth/providers": answer(200, [
      { id: "dev", name: "Dev", type: "oidc", signinUrl: "http://app.test/auth/signin/dev" },
      { id: "credentials", name: "Account", type: "credentials", signinUrl: "http://app.test/auth/signin/credentials" },
    ]),
    ...overrides,
  });
}

/** A window at `href`: location.assign and history.replaceState are recorded. */
export function fakeWindow(href = "http://app.test/") {
  const w = {
    assigned: [],
    replaced: [],
    location: {
      href,
      assign(url) {
        w.assigned.push(url);
      },
    },
    history: {
      state: { "sveltekit:history": 3 },
      replaceState(data, unused, url) {
        w.replaced.push({ data, url });
        w.location.href = new URL(url, w.location.href).href;
      },
    },
  };
  return w;
}

/** Lets pending promise callbacks and timers run. */
export function settle() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether `promise` is still pending after everything else has run. */
export async function pending(promise) {
  let done = false;
  promise.then(() => (done = true), () => (done = true));
  await settle();
  await settle();
  return !done;
}
