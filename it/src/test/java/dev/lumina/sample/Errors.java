package dev.lumina.sample;

import java.net.http.HttpResponse;

/** Reads a Lumina error code from an answer: {@code ?error=} on a redirect, or {@code {"error":...}} in JSON. */
final class Errors {
    private Errors() {
    }

    static String code(HttpResponse<String> r) {
        if (r.statusCode() / 100 == 3) {
            return Browser.query(Browser.location(r)).get("error");
        }
        try {
            return Browser.jsonObject(r).getString("error", null);
        } catch (AssertionError e) {
            return "(" + r.statusCode() + " " + r.body() + ")";
        }
    }
}
