// The npm package as it would be published: its package.json fields, its license, and what `npm pack` puts in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const PKG = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const SHIPPED = ["LICENSE", "README.md", "package.json", "src/index.d.ts", "src/index.js"];

test("package.json: an ES module with its types, no runtime dependency, free of side effects", () => {
  assert.equal(PKG.name, "@lumina-auth/client");
  assert.equal(PKG.type, "module");
  assert.deepEqual(PKG.exports["."], { types: "./src/index.d.ts", default: "./src/index.js" });
  assert.equal(Object.keys(PKG.exports["."])[0], "types", "types first: TypeScript takes the first condition that matches");
  assert.equal(PKG.main, "./src/index.js");
  assert.equal(PKG.types, "./src/index.d.ts");
  for (const f of [PKG.main, PKG.types, ...Object.values(PKG.exports["."])]) assert.ok(existsSync(new URL(`../${f}`, import.meta.url)), f);
  assert.equal(PKG.sideEffects, false);
  for (const deps of ["dependencies", "peerDependencies", "optionalDependencies"]) assert.equal(PKG[deps], undefined, deps);
  assert.equal(PKG.license, "Apache-2.0");
  assert.equal(PKG.repository.directory, "client");
  assert.match(PKG.repository.url, /^git\+https:\/\/github\.com\/lumina-auth\/lumina-auth\.git$/);
  assert.equal(PKG.publishConfig.access, "public", "a scoped package is private unless published public");
});

test("the package's LICENSE is the repository's", () => {
  assert.equal(readFileSync(new URL("../LICENSE", import.meta.url), "utf8"),
    readFileSync(new URL("../../LICENSE", import.meta.url), "utf8"));
});

test("npm pack ships the module, its types, README and LICENSE, and nothing else", (t) => {
  // npm's cache and logs stay inside the checkout; the size is printed, not asserted to the byte
  const env = { ...process.env, npm_config_cache: fileURLToPath(new URL("../../target/npm-cache", import.meta.url)),
    npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: HERE, env, encoding: "utf8" });
  if (r.error && r.error.code === "ENOENT") {
    t.skip("npm is not on the PATH");
    return;
  }
  assert.equal(r.status, 0, r.stderr);
  const [packed] = JSON.parse(r.stdout);
  assert.deepEqual(packed.files.map((f) => f.path).sort(), SHIPPED);
  t.diagnostic(`${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
  assert.ok(packed.size < 16 * 1024, `packed ${packed.size} bytes`);
});
