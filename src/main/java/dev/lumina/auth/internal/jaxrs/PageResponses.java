package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.pages.Pages;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The headers every built-in page is served with: never cached, strict CSP, not framable, no sniffing. */
final class PageResponses {
    private PageResponses() {
    }

    static Response.ResponseBuilder html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    /** To the application's own page (lumina.auth.pages.*), keeping the query (callbackUrl, error...). */
    static Response redirect(RequestFacts facts, String page, String rawQuery) {
        return Response.seeOther(facts.location(RequestFacts.withQuery(page, rawQuery))).header("Cache-Control", "no-store").build();
    }
}
