// index.d.ts is written by hand: every export of index.js is declared there, and nothing else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as client from "../src/index.js";

const DTS = readFileSync(new URL("../src/index.d.ts", import.meta.url), "utf8");

test("every runtime export is declared in index.d.ts with its kind", () => {
  const declared = new Set([...DTS.matchAll(/^export (?:declare )?(?:function|const|class) (\w+)/gm)].map((m) => m[1]));
  assert.deepEqual([...declared].sort(), Object.keys(client).sort());
  for (const [name, value] of Object.entries(client)) {
    const kind = typeof value === "function" ? (/^class /.test(String(value)) ? "class" : "function") : "const";
    assert.match(DTS, new RegExp(`^export (?:declare )?${kind} ${name}\\b`, "m"), name);
  }
});

test("the declared state covers the statuses the module sets", () => {
  const src = readFileSync(new URL("../src/index.js", import.meta.url), "utf8");
  const statuses = new Set([...src.matchAll(/status: "(\w+)"/g)].map((m) => m[1]));
  statuses.add("authenticated").add("unauthenticated");
  for (const s of statuses) assert.match(DTS, new RegExp(`AuthStatus = [^;]*"${s}"`), s);
});
