// A back end that cannot be reached is status "error" with the error, never "signed out".
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient, LuminaError } from "../src/index.js";
import { answer, fakeFetch, fakeWindow, lumina, settle } from "./fakes.js";

function states(c) {
  const seen = [];
  c.authState.subscribe((s) => seen.push(s));
  return seen;
}

test("server down (fetch rejects): status error, error network_error, getSession rejects", async () => {
  const fetch = async () => {
    throw new TypeError("fetch failed");
  };
  const c = createClient({ fetch, window: fakeWindow() });
  const seen = states(c);
  await settle();
  assert.deepEqual(seen.at(-1), { status: "error", session: null, error: "network_error" });
  await assert.rejects(c.getSession(), (e) => e instanceof LuminaError && e.code === "network_error"
      && e.cause instanceof TypeError && /GET \/auth\/session failed/.test(e.message));
});

test("a dev proxy's 502 without JSON (back end down) is network_error", async () => {
  const c = createClient({ fetch: fakeFetch({ "GET /auth/session": answer(502, undefined, "Bad Gateway") }), window: fakeWindow() });
  const seen = states(c);
  await settle();
  assert.equal(seen.at(-1).status, "error");
  assert.equal(seen.at(-1).error, "network_error");
});

test("an HTML page instead of Lumina's JSON (base path not proxied) is server_error and names the base", async () => {
  const c = createClient({ fetch: fakeFetch({ "GET /auth/session": answer(200, undefined, "<!doctype html>") }), window: fakeWindow() });
  const seen = states(c);
  await settle();
  assert.deepEqual(seen.at(-1), { status: "error", session: null, error: "server_error" });
  await assert.rejects(c.getSession(), /answered 200 without JSON \(is the base path "\/auth" right/);
});

test("a 500 with JSON from the session endpoint is server_error", async () => {
  const c = createClient({ fetch: lumina({ "GET /auth/session": answer(500, { error: "server_error" }) }), window: fakeWindow() });
  await assert.rejects(c.getSession(), (e) => e.code === "server_error");
  assert.equal(states(c)[0].status, "error");
});

test("after an error a new subscription loads again, and an answer clears the error", async () => {
  let up = false;
  const healthy = lumina();
  const fetch = async (url, init) => {
    if (!up) throw new TypeError("fetch failed");
    return healthy(url, init);
  };
  const c = createClient({ fetch, window: fakeWindow() });
  const seen = states(c);
  await settle();
  assert.equal(seen.at(-1).status, "error");
  up = true;
  states(c); // e.g. a component mounted again
  await settle();
  assert.deepEqual(seen.at(-1), { status: "unauthenticated", session: null, error: null });
});

test("signIn and signOut reject with a LuminaError when the back end is down, and the state says error", async () => {
  const fetch = async () => {
    throw new TypeError("fetch failed");
  };
  const w = fakeWindow();
  const c = createClient({ fetch, window: w });
  await assert.rejects(c.signIn("dev"), (e) => e.code === "network_error");
  await assert.rejects(c.signIn("credentials", { fields: { username: "a", password: "b" }, redirect: false }),
      (e) => e.code === "network_error");
  await assert.rejects(c.signOut(), (e) => e.code === "network_error");
  assert.deepEqual(w.assigned, [], "no navigation");
  assert.equal(states(c)[0].status, "error");
});

test("a sign-in answer that is neither a url nor an error rejects with server_error", async () => {
  const c = createClient({ fetch: lumina({ "POST /auth/signin/dev": answer(200, { hello: 1 }) }), window: fakeWindow() });
  await assert.rejects(c.signIn("dev", { redirect: false }), (e) => e.code === "server_error");
});

test("getProviders rejects when the back end is down", async () => {
  const c = createClient({ fetch: fakeFetch({ "GET /auth/providers": answer(503, undefined, "down") }), window: fakeWindow() });
  await assert.rejects(c.getProviders(), (e) => e.code === "network_error");
});
