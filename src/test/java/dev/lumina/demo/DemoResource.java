package dev.lumina.demo;

import dev.lumina.auth.Authenticated;
import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The demo's pages: the home page (session, sign-in buttons, sign-out) and a protected one. */
@Path("/")
@RequestScoped
public class DemoResource {
    @Inject
    @Current
    Session session;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String home(@QueryParam("error") String error) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Lumina Auth demo</title>
                <style>body{font:16px system-ui;margin:3em auto;max-width:40em}button{margin:.2em;padding:.5em 1em}
                pre{background:#f4f4f4;padding:1em}.error{color:#a00}</style></head><body>
                <h1>Lumina Auth demo</h1>
                """);
        if (error != null && error.matches("[a-z_]{1,40}")) {
            html.append("<p class=error>Sign-in failed: <code>").append(error).append("</code></p>");
        }
        if (session.isAuthenticated()) {
            html.append("<p>Signed in as <b>").append(escape(session.name())).append("</b></p>")
                .append("<form method=post action=\"/auth/signout\"><input type=hidden name=csrfToken>")
                .append("<input type=hidden name=callbackUrl value=\"/\"><button>Sign out</button></form>")
                .append("<p><a href=\"/me\">/me</a> (protected)</p>");
        } else {
            html.append("<p>Not signed in.</p><div id=providers></div>");
        }
        html.append("<p><a href=\"/demo\">A page built on /auth/client.js</a> · "
                + "<a href=\"/auth/signin\">The built-in sign-in page</a></p>");
        html.append("<h2>GET /auth/session</h2><pre id=session>…</pre>")
            .append("""
                <script type=module>
                const csrf = (await (await fetch('/auth/csrf')).json()).csrfToken;
                document.querySelectorAll('input[name=csrfToken]').forEach(i => i.value = csrf);
                const box = document.getElementById('providers');
                if (box) for (const p of await (await fetch('/auth/providers')).json()) {
                  const f = document.createElement('form');
                  f.method = 'post'; f.action = p.signinUrl;
                  f.innerHTML = `<input type=hidden name=csrfToken value="${csrf}">
                    <input type=hidden name=callbackUrl value="/"><input type=hidden name=errorUrl value="/">
                    <button>Sign in with ${p.name.replace(/[<>&"]/g, '')}</button>`;
                  box.append(f);
                }
                document.getElementById('session').textContent =
                  JSON.stringify(await (await fetch('/auth/session')).json(), null, 2);
                </script></body></html>
                """);
        return html.toString();
    }

    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String me() {
        return "Hello " + session.name() + " (" + session.subject() + ")";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
