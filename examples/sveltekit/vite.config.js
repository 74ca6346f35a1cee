import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// The Java server with Lumina (the repository's demo: `mvn -B -q -Pdemo`, port 8080). The end-to-end test
// passes its own through LUMINA_URL.
const lumina = process.env.LUMINA_URL || "http://127.0.0.1:8080";

// The browser talks to Vite's origin only: Lumina's base path and the API are proxied, so Lumina's cookies
// are set on this origin and its redirects (the OAuth redirect_uri, callbackUrl, errorUrl) come back here.
const toLumina = {
  target: lumina,
  changeOrigin: false, // keep the browser's Host (localhost:5173): Lumina builds its URLs from it
  xfwd: true, // X-Forwarded-Proto/-Host/-For, read when lumina.auth.trust-forwarded-headers=true
};

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      "/auth": toLumina, // lumina.auth.base-path
      "/demo/whoami": toLumina, // the demo's API: who the back end says is signed in
    },
  },
});
