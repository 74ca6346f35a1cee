// The demo page: everything through /auth/client.js.
import { signIn, signOut, getProviders, authState } from "/auth/client.js";

const $ = (id) => document.getElementById(id);
const messages = {
  credentials_invalid: "Wrong username or password.",
  access_denied: "Access denied.",
  state_invalid: "The sign-in expired; try again.",
};

authState.subscribe((s) => {
  $("status").textContent = s.status;
  document.body.dataset.status = s.status;
  $("signed-in").hidden = s.status !== "authenticated";
  $("signed-out").hidden = s.status !== "unauthenticated";
  // the dev provider (mock-oauth2-server) has an end_session_endpoint: its sessions can end there too
  $("signout-provider").hidden = !(s.session && s.session.provider === "dev");
  $("who").hidden = !s.session;
  $("who").textContent = s.session
    ? `Signed in as ${s.session.name || s.session.subject}${s.session.email ? ` (${s.session.email})` : ""}`
    : "";
  $("error").hidden = !s.error;
  $("error").dataset.error = s.error || "";
  $("error").textContent = s.error ? `${messages[s.error] || "Sign-in failed."} (${s.error})` : "";
});

getProviders()
  .then((providers) => {
    for (const p of providers.filter((p) => p.type !== "credentials")) {
      const b = document.createElement("button");
      b.type = "button";
      b.id = `signin-${p.id}`;
      b.textContent = `Sign in with ${p.name}`;
      b.addEventListener("click", () => signIn(p.id, { callbackUrl: "/demo", errorUrl: "/demo/failed" }));
      $("providers").append(b);
    }
  })
  .catch(() => {});

$("credentials").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  await signIn("credentials", {
    callbackUrl: "/demo",
    errorUrl: "/demo/failed",
    fields: { username: form.get("username"), password: form.get("password") },
  });
  // not reached: signIn redirects (to /demo, or to /demo/failed?error=...)
});

$("signout").addEventListener("click", () => signOut({ callbackUrl: "/demo" }));
// POST /auth/signout with provider=true: Lumina signs out, then sends the browser through the provider's
// end_session_endpoint, which sends it back (via /auth/signout/callback/dev) to /demo
$("signout-provider").addEventListener("click", () => signOut({ provider: true, callbackUrl: "/demo" }));
