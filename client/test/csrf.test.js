// The client fetches the CSRF token from <base>/csrf and sends it with every POST.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/index.js";
import { answer, fakeWindow, lumina } from "./fakes.js";

test("signIn fetches the token and posts it as JSON with the callback and error URLs", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(200, { url: "http://idp.test/authorize?x=1" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  await c.signIn("dev", { redirect: false, callbackUrl: "/home", errorUrl: "/login" });
  const csrf = fetch.calls.findIndex((x) => x.url === "/auth/csrf");
  const post = fetch.calls.findIndex((x) => x.method === "POST");
  assert.ok(csrf >= 0 && csrf < post, "the token is fetched before the post");
  const p = fetch.calls[post];
  assert.equal(p.url, "/auth/signin/dev");
  assert.deepEqual(p.body, { csrfToken: "t1", callbackUrl: "/home", errorUrl: "/login" });
  assert.equal(p.init.headers["Content-Type"], "application/json");
  assert.equal(p.init.headers.Accept, "application/json");
  assert.equal(p.init.credentials, "same-origin");
});

test("credentials are posted with the token; a field cannot replace the token", async () => {
  const fetch = lumina({ "POST /auth/callback/credentials": answer(200, { url: "/home" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  await c.signIn("credentials", { redirect: false, fields: { username: "ada", password: "pw", csrfToken: "forged", n: 7 } });
  const post = fetch.calls.find((x) => x.method === "POST");
  assert.equal(post.url, "/auth/callback/credentials");
  assert.deepEqual(post.body, { csrfToken: "t1", username: "ada", password: "pw", n: "7" });
});

test("signOut posts the token", async () => {
  const fetch = lumina({ "POST /auth/signout": answer(200, { url: "http://app.test/" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  assert.deepEqual(await c.signOut({ redirect: false, callbackUrl: "/bye" }), { ok: true, error: null, url: "http://app.test/" });
  assert.deepEqual(fetch.calls.find((x) => x.method === "POST").body, { csrfToken: "t1", callbackUrl: "/bye" });
});

test("a refused token is the answer's error, not a crash", async () => {
  const fetch = lumina({ "POST /auth/signout": answer(403, { error: "csrf_invalid" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  assert.deepEqual(await c.signOut({ redirect: false }), { ok: false, error: "csrf_invalid", url: null });
});

test("no token from <base>/csrf: nothing is posted", async () => {
  const fetch = lumina({ "GET /auth/csrf": answer(200, {}) });
  const c = createClient({ fetch, window: fakeWindow() });
  await assert.rejects(c.signIn("dev"), (e) => e.code === "server_error");
  assert.equal(fetch.calls.filter((x) => x.method === "POST").length, 0);
});
