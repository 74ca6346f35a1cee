package dev.lumina.auth.internal.oauth;

/**
 * A call to a provider that gave no usable answer. The message says what went wrong (timeout, too large...)
 * and never holds a request or response body.
 */
public final class HttpCallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No connection could be made (refused, connect timeout, unknown host). */
        UNREACHABLE,
        /** Connected, but the whole answer did not arrive within the read timeout. */
        TIMEOUT,
        /** The answer was longer than the configured cap. */
        TOO_LARGE,
        /** The provider answered with a redirect; Lumina follows none. */
        REDIRECTED,
        /** The connection broke, or the answer was unreadable. */
        BROKEN
    }

    private final Kind kind;

    HttpCallFailed(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
