// The ?error= a failed sign-in leaves on the page it lands on: read in the browser on subscription (not at
// import, not at createClient), put into authState, and taken off the address bar with history.replaceState.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/index.js";
import { fakeWindow, lumina, settle } from "./fakes.js";

test("the error is read on subscription and removed from the URL with Lumina's other parameters", async () => {
  const w = fakeWindow("http://app.test/failed?keep=1&error=credentials_invalid&provider=credentials#top");
  const c = createClient({ fetch: lumina(), window: w });
  const seen = [];
  c.authState.subscribe((s) => seen.push(s));
  assert.deepEqual(seen[0], { status: "loading", session: null, error: "credentials_invalid" });
  assert.equal(w.replaced.length, 1);
  assert.equal(w.replaced[0].url, "/failed?keep=1#top");
  assert.deepEqual(w.replaced[0].data, { "sveltekit:history": 3 }, "the router's history state is kept");
  assert.equal(w.location.href, "http://app.test/failed?keep=1#top");
  await settle();
  assert.deepEqual(seen.at(-1), { status: "unauthenticated", session: null, error: "credentials_invalid" },
      "loading the session keeps a sign-in's error");
  c.authState.subscribe(() => {})();
  assert.equal(w.replaced.length, 1, "read once");
});

test("access_denied's reason goes too", () => {
  const w = fakeWindow("http://app.test/login?error=access_denied&provider=dev&reason=email_not_verified");
  const c = createClient({ fetch: lumina(), window: w });
  c.authState.subscribe(() => {});
  assert.equal(w.location.href, "http://app.test/login");
});

test("nothing is read at createClient: only a subscription looks at the URL", () => {
  let reads = 0;
  const w = fakeWindow("http://app.test/?error=state_invalid");
  const location = w.location;
  const spy = {
    get location() {
      reads++;
      return location;
    },
    history: w.history,
  };
  const c = createClient({ fetch: lumina(), window: spy });
  assert.equal(reads, 0);
  let value;
  c.authState.subscribe((s) => (value = s));
  assert.ok(reads > 0);
  assert.equal(value.error, "state_invalid");
});

test("an ?error= that is not a Lumina code stays where it is", () => {
  const w = fakeWindow("http://app.test/search?error=Not%20a%20code");
  const c = createClient({ fetch: lumina(), window: w });
  let value;
  c.authState.subscribe((s) => (value = s));
  assert.equal(value.error, null);
  assert.deepEqual(w.replaced, []);
});

test("a later successful sign-in clears the error", async () => {
  const w = fakeWindow("http://app.test/failed?error=credentials_invalid");
  const fetch = lumina({ "POST /auth/callback/credentials": { ok: true, status: 200, json: async () => ({ url: "/" }) } });
  const c = createClient({ fetch, window: w });
  let value;
  c.authState.subscribe((s) => (value = s));
  await c.signIn("credentials", { redirect: false, fields: { username: "a", password: "b" } });
  assert.equal(value.error, null);
});

test("without history (or when replaceState throws) the error is still in the state", () => {
  const w = fakeWindow("http://app.test/?error=access_denied");
  w.history.replaceState = () => {
    throw new Error("SecurityError");
  };
  const c = createClient({ fetch: lumina(), window: w });
  let value;
  c.authState.subscribe((s) => (value = s));
  assert.equal(value.error, "access_denied");
});
