package dev.lumina.auth.internal.web;

/**
 * The cookie names. On HTTPS each carries the {@code __Host-} prefix, which browsers accept only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}, so a sibling subdomain cannot plant one.
 */
public enum CookieNames {
    SESSION("lumina.session"),
    FLOW("lumina.flow"),
    CSRF("lumina.csrf"),
    /** The provider tokens kept for the application (sealed), see {@code ProviderTokens}. */
    TOKENS("lumina.tokens");

    private static final String HOST_PREFIX = "__Host-";

    private final String baseName;

    CookieNames(String baseName) {
        this.baseName = baseName;
    }

    public String baseName() {
        return baseName;
    }

    /** The name used on a secure (HTTPS) or plain-HTTP origin. */
    public String name(boolean secure) {
        return secure ? HOST_PREFIX + baseName : baseName;
    }
}
