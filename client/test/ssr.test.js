// Importing the module on a server (SSR, plain Node) touches no browser global and does not throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MODULE = new URL("../src/index.js", import.meta.url);
const GLOBALS = ["window", "document", "location", "history", "navigator", "localStorage", "sessionStorage", "fetch"];

test("a plain Node process without window or document imports it and uses it", () => {
  const script = `
    const m = await import(${JSON.stringify(MODULE.href)});
    if (typeof window !== "undefined" || typeof document !== "undefined") throw new Error("not a plain Node");
    let value;
    m.authState.subscribe((s) => { value = s; })();
    console.log(JSON.stringify({ keys: Object.keys(m).sort(), value }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.keys, ["LuminaError", "authState", "configure", "createClient", "getProviders", "getSession", "signIn", "signOut"]);
  assert.deepEqual(out.value, { status: "loading", session: null, error: null });
});

test("importing reads no browser global (nor fetch), and subscribing on the server loads nothing", async () => {
  const touched = [];
  const saved = {};
  for (const name of GLOBALS) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
  try {
    const m = await import(`${MODULE.href}?ssr-globals`); // a fresh instance of the module
    assert.deepEqual(touched, [], "touched at import");
    m.authState.subscribe(() => {})();
    assert.ok(!touched.includes("fetch"), "a server-side subscription fetches nothing");
    await assert.rejects(m.getSession(), (e) => e.code === "network_error", "no fetch: a LuminaError, not a crash");
  } finally {
    for (const name of GLOBALS) {
      if (saved[name]) Object.defineProperty(globalThis, name, saved[name]);
      else delete globalThis[name];
    }
  }
});

test("the package's entry points exist and the module is what the jar serves", async () => {
  const pkg = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")));
  assert.equal(pkg.name, "@lumina-auth/client");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.license, "Apache-2.0");
  assert.deepEqual(pkg.dependencies, undefined, "no runtime dependency");
  assert.equal(new URL(pkg.exports["."].default, new URL("../", import.meta.url)).href, MODULE.href);
  assert.equal(pkg.exports["."].types, pkg.types);
  for (const f of pkg.files) {
    assert.ok((await import("node:fs")).existsSync(fileURLToPath(new URL(`../${f}`, import.meta.url))), f);
  }
});
