// signIn/signOut send the page away (redirect: true, the default) or resolve to a result (redirect: false).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/index.js";
import { answer, fakeWindow, lumina, pending, settle } from "./fakes.js";

const SESSION = { subject: "ada", roles: [], claims: {} };

test("an OAuth sign-in sends the page to the provider and never settles", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(200, { url: "http://idp.test/authorize?state=s" }) });
  const w = fakeWindow("http://app.test/login");
  const c = createClient({ fetch, window: w });
  assert.ok(await pending(c.signIn("dev", { callbackUrl: "/" })));
  assert.deepEqual(w.assigned, ["http://idp.test/authorize?state=s"]);
});

test("an OAuth sign-in with redirect:false resolves to the provider's URL and stays", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(200, { url: "http://idp.test/authorize?state=s" }) });
  const w = fakeWindow();
  const c = createClient({ fetch, window: w });
  const r = await c.signIn("dev", { redirect: false });
  assert.deepEqual(r, { ok: true, status: 200, error: null, url: "http://idp.test/authorize?state=s" });
  assert.deepEqual(w.assigned, []);
});

test("the provider's type decides the endpoint: a credentials provider without fields posts to its callback", async () => {
  const fetch = lumina({ "POST /auth/callback/credentials": answer(401, { error: "credentials_invalid" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  const r = await c.signIn("credentials", { redirect: false });
  assert.equal(r.error, "credentials_invalid");
  assert.ok(fetch.calls.some((x) => x.url === "/auth/providers"));
});

test("a credentials sign-in goes to callbackUrl; with redirect:false it resolves and authState is signed in", async () => {
  let signedIn = false;
  const fetch = lumina({
    "GET /auth/session": () => answer(200, signedIn ? SESSION : null),
    "POST /auth/callback/credentials": () => {
      signedIn = true;
      return answer(200, { url: "/home" });
    },
  });
  const w = fakeWindow();
  const c = createClient({ fetch, window: w });
  const seen = [];
  c.authState.subscribe((s) => seen.push(s));
  await settle();
  const r = await c.signIn("credentials", { redirect: false, callbackUrl: "/home", fields: { username: "ada", password: "pw" } });
  assert.deepEqual(r, { ok: true, status: 200, error: null, url: "/home" });
  assert.deepEqual(seen.at(-1), { status: "authenticated", session: SESSION, error: null });
  assert.deepEqual(w.assigned, []);

  assert.ok(await pending(c.signIn("credentials", { fields: { username: "ada", password: "pw" } })));
  assert.deepEqual(w.assigned, ["/home"]);
});

test("a refused sign-in goes to errorUrl with ?error= and the provider; with redirect:false the state has the error", async () => {
  const fetch = lumina({ "POST /auth/callback/credentials": answer(401, { error: "credentials_invalid" }) });
  const w = fakeWindow("http://app.test/login?next=1");
  const c = createClient({ fetch, window: w });
  assert.ok(await pending(c.signIn("credentials", { errorUrl: "/failed?x=1", fields: { username: "a", password: "b" } })));
  assert.deepEqual(w.assigned, ["http://app.test/failed?x=1&error=credentials_invalid&provider=credentials"]);

  const seen = [];
  c.authState.subscribe((s) => seen.push(s));
  const r = await c.signIn("credentials", { redirect: false, fields: { username: "a", password: "b" } });
  assert.deepEqual(r, { ok: false, status: 401, error: "credentials_invalid", url: null });
  assert.equal(seen.at(-1).error, "credentials_invalid");
  assert.equal(w.assigned.length, 1);
});

test("without errorUrl a refused sign-in goes to Lumina's error page under the base", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(400, { error: "invalid_redirect" }) });
  const w = fakeWindow("http://app.test/page");
  const c = createClient({ fetch, window: w });
  await pending(c.signIn("dev", { callbackUrl: "https://evil.test/" }));
  assert.deepEqual(w.assigned, ["http://app.test/auth/error?error=invalid_redirect&provider=dev"]);
});

test("an error code that is not a code becomes server_error", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(400, { error: "<script>" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  assert.equal((await c.signIn("dev", { redirect: false })).error, "server_error");
});

test("signOut goes to the URL Lumina answers and signs the state out; redirect:false stays", async () => {
  let signedIn = true;
  const fetch = lumina({
    "GET /auth/session": () => answer(200, signedIn ? SESSION : null),
    "POST /auth/signout": () => {
      signedIn = false;
      return answer(200, { url: "http://app.test/bye" });
    },
  });
  const w = fakeWindow();
  const c = createClient({ fetch, window: w });
  const seen = [];
  c.authState.subscribe((s) => seen.push(s.status));
  await settle();
  assert.ok(await pending(c.signOut({ callbackUrl: "/bye" })));
  assert.deepEqual(w.assigned, ["http://app.test/bye"]);
  assert.deepEqual(seen, ["loading", "authenticated", "unauthenticated"]);
  assert.deepEqual(await c.signOut({ redirect: false }), { ok: true, error: null, url: "http://app.test/bye" });
  assert.equal(w.assigned.length, 1);
});

test("a redirect without a browser is refused with a hint, not a crash at import", async () => {
  const fetch = lumina({ "POST /auth/signin/dev": answer(200, { url: "http://idp.test/a" }) });
  const c = createClient({ fetch, window: null });
  await assert.rejects(c.signIn("dev"), /redirect: false/);
  assert.equal((await c.signIn("dev", { redirect: false })).url, "http://idp.test/a");
});

test("signIn needs a provider id", async () => {
  const c = createClient({ fetch: lumina(), window: fakeWindow() });
  await assert.rejects(c.signIn(""), TypeError);
  await assert.rejects(c.signIn(), TypeError);
});

test("signOut({provider: true}) asks for the sign-out at the provider and goes to the provider's URL Lumina answers", async () => {
  const fetch = lumina({
    "POST /auth/signout": answer(200, { url: "http://idp.test/endsession?client_id=app&state=s" }),
  });
  const w = fakeWindow();
  const c = createClient({ fetch, window: w });
  assert.ok(await pending(c.signOut({ provider: true, callbackUrl: "/bye" })));
  assert.deepEqual(fetch.calls.at(-1).body, { csrfToken: "t1", callbackUrl: "/bye", provider: true });
  assert.deepEqual(w.assigned, ["http://idp.test/endsession?client_id=app&state=s"]);
  const r = await c.signOut({ provider: true, redirect: false });
  assert.deepEqual(r, { ok: true, error: null, url: "http://idp.test/endsession?client_id=app&state=s" });
  assert.equal(w.assigned.length, 1, "redirect:false leaves the navigation to the caller");
});

test("signOut sends provider only as a boolean: false keeps it local, anything else leaves it to the server", async () => {
  const fetch = lumina({ "POST /auth/signout": answer(200, { url: "/" }) });
  const c = createClient({ fetch, window: fakeWindow() });
  await c.signOut({ provider: false, redirect: false });
  assert.equal(fetch.calls.at(-1).body.provider, false);
  for (const provider of [undefined, "true", 1, null]) {
    await c.signOut({ provider, redirect: false });
    assert.equal("provider" in fetch.calls.at(-1).body, false, String(provider));
  }
});
