// Where the endpoints are: beside the module when Lumina serves it (<base>/client.js), "/auth" otherwise,
// or what configure/createClient says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { register } from "node:module";
import { configure, createClient, getSession } from "../src/index.js";
import { answer, fakeFetch, fakeWindow, lumina, pending } from "./fakes.js";

// Serves src/index.js at any http://lumina.test/ URL, so that import.meta.url is that URL, as in a browser.
const SOURCE = readFileSync(new URL("../src/index.js", import.meta.url), "utf8");
register("data:text/javascript," + encodeURIComponent(`
  const SOURCE = ${JSON.stringify(SOURCE)};
  export async function resolve(specifier, context, next) {
    return specifier.startsWith("http://lumina.test/") ? { url: specifier, shortCircuit: true } : next(specifier, context);
  }
  export async function load(url, context, next) {
    return url.startsWith("http://lumina.test/") ? { format: "module", source: SOURCE, shortCircuit: true } : next(url, context);
  }`));

async function sessionUrlOf(moduleUrl) {
  const m = await import(moduleUrl);
  const fetch = fakeFetch();
  m.configure({ fetch, window: null });
  await m.getSession().catch(() => {});
  return fetch.calls[0].url;
}

test("served by Lumina at <base>/client.js: the endpoints are beside it, whatever the base path", async () => {
  assert.equal(await sessionUrlOf("http://lumina.test/auth/client.js"), "http://lumina.test/auth/session");
  assert.equal(await sessionUrlOf("http://lumina.test/ctx/api/login/client.js?v=2"), "http://lumina.test/ctx/api/login/session");
});

test("bundled (Vite's pre-bundled dependency, a built chunk) or on a server: /auth", async () => {
  assert.equal(await sessionUrlOf("http://lumina.test/node_modules/.vite/deps/@lumina-auth_client.js?v=1a2b"), "/auth/session");
  assert.equal(await sessionUrlOf("http://lumina.test/node_modules/@lumina-auth/client/src/index.js"), "/auth/session");
  assert.equal(await sessionUrlOf("http://lumina.test/_app/immutable/chunks/client.B1x2.js"), "/auth/session");
  const fetch = fakeFetch({ "GET /auth/session": answer(200, null) });
  configure({ fetch, window: null });
  await getSession();
  assert.equal(fetch.calls[0].url, "/auth/session", "a file: module (Node, SSR)");
});

test("configure({ base }) moves the module's own client, trailing slash or not", async () => {
  const fetch = fakeFetch({ "GET /api/auth/session": answer(200, null) });
  configure({ base: "/api/auth/", fetch, window: null });
  try {
    assert.equal(await getSession(), null);
    assert.equal(fetch.calls[0].url, "/api/auth/session");
  } finally {
    configure({ base: undefined });
  }
});

test("createClient({ base }) with an absolute URL, and every endpoint under it", async () => {
  const fetch = fakeFetch({
    "GET https://api.test/api/auth/csrf": answer(200, { csrfToken: "t" }),
    "GET https://api.test/api/auth/providers": answer(200, []),
    "POST https://api.test/api/auth/signin/dev": answer(400, { error: "invalid_redirect" }),
  });
  const w = fakeWindow("https://app.test/x");
  const c = createClient({ base: "https://api.test/api/auth", fetch, window: w });
  assert.ok(await pending(c.signIn("dev")));
  assert.deepEqual(fetch.calls.map((x) => `${x.method} ${x.url}`), [
    "GET https://api.test/api/auth/providers",
    "GET https://api.test/api/auth/csrf",
    "POST https://api.test/api/auth/signin/dev",
  ]);
  assert.deepEqual(w.assigned, ["https://api.test/api/auth/error?error=invalid_redirect&provider=dev"]);
});

test("two clients keep two states", async () => {
  const a = createClient({ fetch: lumina({ "GET /auth/session": answer(200, { subject: "a", roles: [], claims: {} }) }), window: fakeWindow() });
  const b = createClient({ fetch: lumina(), window: fakeWindow() });
  await a.getSession();
  await b.getSession();
  let sa;
  let sb;
  a.authState.subscribe((s) => (sa = s))();
  b.authState.subscribe((s) => (sb = s))();
  assert.equal(sa.status, "authenticated");
  assert.equal(sb.status, "unauthenticated");
});
