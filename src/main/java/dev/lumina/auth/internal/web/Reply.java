package dev.lumina.auth.internal.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers, decided by the flow without any HTTP runtime type: a redirect, a small JSON
 * object, the built-in error page, or a bare status; plus headers (cookies among them). The JAX-RS adapter
 * turns it into a response in one place, so every runtime answers alike.
 */
public final class Reply {
    /** The shape of the answer. */
    public enum Kind { REDIRECT, JSON, ERROR_PAGE, STATUS }

    /** One response header. */
    public record Header(String name, String value) {
    }

    private final Kind kind;
    private final int status;
    private final URI location;
    private final Map<String, String> json;
    private final String errorCode;
    private final String providerId;
    private final List<Header> headers;

    private Reply(Kind kind, int status, URI location, Map<String, String> json, String errorCode, String providerId,
                  List<Header> headers) {
        this.kind = kind;
        this.status = status;
        this.location = location;
        this.json = json;
        this.errorCode = errorCode;
        this.providerId = providerId;
        this.headers = List.copyOf(headers);
    }

    /** 303 to an absolute URL, never cached. */
    public static Reply redirect(URI location) {
        return new Reply(Kind.REDIRECT, 303, location, null, null, null, List.of(new Header("Cache-Control", "no-store")));
    }

    /** A JSON object of strings, in insertion order. */
    public static Reply json(int status, Map<String, String> body) {
        return new Reply(Kind.JSON, status, null, Collections.unmodifiableMap(new LinkedHashMap<>(body)), null, null, List.of());
    }

    /** The built-in error page for a code, with a status (a person's form post that cannot go on). */
    public static Reply errorPage(int status, String errorCode, String providerId) {
        return new Reply(Kind.ERROR_PAGE, status, null, null, errorCode, providerId, List.of());
    }

    /** A status without a body. */
    public static Reply status(int status) {
        return new Reply(Kind.STATUS, status, null, null, null, null, List.of(new Header("Cache-Control", "no-store")));
    }

    /** This reply with one more header. */
    public Reply header(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new Reply(kind, status, location, json, errorCode, providerId, more);
    }

    /** This reply with one more {@code Set-Cookie} header (a value made by {@link SetCookie}). */
    public Reply cookie(String setCookie) {
        return header("Set-Cookie", setCookie);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public URI location() {
        return location;
    }

    /** The JSON fields; for {@link Kind#JSON} only. */
    public Map<String, String> json() {
        return json;
    }

    public String errorCode() {
        return errorCode;
    }

    public String providerId() {
        return providerId;
    }

    public List<Header> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "Reply[" + kind + " " + status + "]";
    }
}
