// authState keeps Svelte's store contract: subscribe(fn) calls fn at once and on each change, returns the
// function that unsubscribes; the session is loaded on the first subscription in a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/index.js";
import { answer, fakeWindow, lumina, settle } from "./fakes.js";

const SESSION = { subject: "u1", name: "Ada", email: "ada@example.test", roles: ["user"], claims: {} };

test("subscribe calls back at once with a frozen loading state and returns the unsubscribe function", () => {
  const c = createClient({ fetch: lumina(), window: fakeWindow() });
  const seen = [];
  const unsubscribe = c.authState.subscribe((s) => seen.push(s));
  assert.equal(typeof unsubscribe, "function");
  assert.deepEqual(seen, [{ status: "loading", session: null, error: null }]);
  assert.ok(Object.isFrozen(seen[0]));
  unsubscribe();
  unsubscribe(); // twice is harmless
});

test("the first subscription loads the session once and every subscriber sees it", async () => {
  const fetch = lumina({ "GET /auth/session": answer(200, SESSION) });
  const c = createClient({ fetch, window: fakeWindow() });
  const a = [];
  const b = [];
  c.authState.subscribe((s) => a.push(s.status));
  c.authState.subscribe((s) => b.push(s.status));
  await settle();
  assert.deepEqual(a, ["loading", "authenticated"]);
  assert.deepEqual(b, ["loading", "authenticated"]);
  assert.equal(fetch.calls.filter((x) => x.url === "/auth/session").length, 1);
  let last;
  c.authState.subscribe((s) => (last = s))();
  assert.deepEqual(last.session, SESSION);
  assert.equal(fetch.calls.filter((x) => x.url === "/auth/session").length, 1, "a later subscriber loads nothing again");
});

test("no call after unsubscribe; the same function subscribed twice is two subscriptions", async () => {
  const c = createClient({ fetch: lumina(), window: fakeWindow() });
  const seen = [];
  const fn = (s) => seen.push(s.status);
  const first = c.authState.subscribe(fn);
  const second = c.authState.subscribe(fn);
  first();
  await settle();
  assert.deepEqual(seen, ["loading", "loading", "unauthenticated"]);
  second();
  await c.getSession();
  assert.equal(seen.length, 3);
});

test("signed out is unauthenticated with no error", async () => {
  const c = createClient({ fetch: lumina(), window: fakeWindow() });
  let last;
  c.authState.subscribe((s) => (last = s));
  await settle();
  assert.deepEqual(last, { status: "unauthenticated", session: null, error: null });
});

test("a value that does not change is not sent again", async () => {
  const c = createClient({ fetch: lumina(), window: fakeWindow() });
  const seen = [];
  c.authState.subscribe((s) => seen.push(s.status));
  await settle();
  await c.getSession();
  await c.getSession();
  assert.deepEqual(seen, ["loading", "unauthenticated"]);
});

test("without a browser and without a fetch of its own, subscribing loads nothing (SSR)", async () => {
  const fetch = lumina();
  const saved = globalThis.fetch;
  globalThis.fetch = fetch;
  try {
    const c = createClient({ window: null });
    const seen = [];
    c.authState.subscribe((s) => seen.push(s.status))();
    await settle();
    assert.deepEqual(seen, ["loading"]);
    assert.equal(fetch.calls.length, 0);
  } finally {
    globalThis.fetch = saved;
  }
});

test("a slow answer of an older load does not overwrite a newer one", async () => {
  let release;
  const slow = new Promise((r) => (release = r));
  let n = 0;
  const fetch = lumina({
    "GET /auth/session": () => (++n === 1 ? slow.then(() => answer(200, null)) : answer(200, SESSION)),
  });
  const c = createClient({ fetch, window: fakeWindow() });
  let last;
  c.authState.subscribe((s) => (last = s));
  await c.getSession(); // the newer load: signed in
  release();
  await settle();
  assert.equal(last.status, "authenticated");
});
