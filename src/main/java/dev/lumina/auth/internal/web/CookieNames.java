package dev.lumina.auth.internal.web;

/**
 * The cookie names. On HTTPS each carries the {@code __Host-} prefix, which browsers accept only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}, so a sibling subdomain cannot plant one.
 */
public enum CookieNames {
    SESSION("lumina.session"),
    FLOW("lumina.flow"),
    CSRF("lumina.csrf");

    private static final String HOST_PREFIX = "__Host-";

    private final String baseName;
    private final String hostName;

    CookieNames(String baseName) {
        this.baseName = baseName;
        this.hostName = HOST_PREFIX + baseName; // made once: the session filter asks on every request
    }

    public String baseName() {
        return baseName;
    }

    /** The name used on a secure (HTTPS) or plain-HTTP origin. */
    public String name(boolean secure) {
        return secure ? hostName : baseName;
    }
}
