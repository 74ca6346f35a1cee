package dev.lumina.auth.internal.web;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import java.time.Duration;

/**
 * Writes {@code Set-Cookie} header values by hand, so that every runtime (RESTEasy, Jersey) sends exactly
 * the same attributes: {@code Path=/} (or Lumina's base path for the logout hint), {@code HttpOnly;
 * SameSite=Lax}, {@code Secure} on HTTPS, never {@code Domain}. A cookie that would exceed the 4096 bytes every
 * browser keeps is refused loudly instead of being dropped by the browser.
 */
public final class SetCookie {
    /** RFC 6265bis section 6.1: browsers keep at least 4096 bytes of name, value and attributes. */
    public static final int MAX_BYTES = 4096;
    private static final String EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT";

    private SetCookie() {
    }

    /**
     * A cookie of {@code Path=/}; {@code maxAge} null means a browser-session cookie.
     *
     * @throws AuthException {@code server_error} when the cookie is too large for a browser
     */
    public static String of(CookieNames cookie, String value, Duration maxAge, boolean secure) {
        return named(cookie.name(secure), cookie.baseName(), value, maxAge, secure, "/");
    }

    /** A cookie of an exact name on {@code Path=/} (a chunk of one of Lumina's cookies); {@code what} names it. */
    static String of(String name, String what, String value, Duration maxAge, boolean secure) {
        return named(name, what, value, maxAge, secure, "/");
    }

    /** A cookie of another name (a flow cookie, {@link CookieNames#flow}) or path. */
    public static String named(String name, String what, String value, Duration maxAge, boolean secure, String path) {
        StringBuilder sb = new StringBuilder(name).append('=').append(value);
        if (maxAge != null) {
            sb.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
        }
        String header = attributes(sb, secure, path);
        if (header.length() > MAX_BYTES) {
            throw new AuthException(AuthError.SERVER_ERROR, "the " + what + " cookie would be "
                    + header.length() + " bytes, over the " + MAX_BYTES + " a browser keeps; put fewer claims in the session");
        }
        return header;
    }

    /** The header that makes the browser drop the cookie: same name, path and flags, expired. */
    public static String clear(CookieNames cookie, boolean secure) {
        return clear(cookie.name(secure), secure, "/");
    }

    /** The clearing header for a cookie of an exact name on {@code Path=/} (a chunk). */
    static String clear(String name, boolean secure) {
        return clear(name, secure, "/");
    }

    /** {@link #clear(CookieNames, boolean)} for a cookie of another name or path. */
    public static String clear(String name, boolean secure, String path) {
        return attributes(new StringBuilder(name).append("=; Max-Age=0; Expires=").append(EXPIRED), secure, path);
    }

    private static String attributes(StringBuilder sb, boolean secure, String path) {
        sb.append("; Path=").append(path).append("; HttpOnly; SameSite=Lax");
        if (secure) {
            sb.append("; Secure");
        }
        return sb.toString();
    }
}
