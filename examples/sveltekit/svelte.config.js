import adapter from "@sveltejs/adapter-static";

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // `npm run build` writes a single-page app to build/: serve it on the same origin as Lumina (a reverse
    // proxy sends /auth and the API to the Java server), with index.html for every other path
    adapter: adapter({ fallback: "index.html" }),
  },
};
