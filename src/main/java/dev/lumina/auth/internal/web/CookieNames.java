package dev.lumina.auth.internal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cookie names. On HTTPS each carries a prefix: {@code __Host-} for the cookies of {@code Path=/}, which
 * browsers accept only with {@code Secure}, {@code Path=/} and no {@code Domain}, so a sibling subdomain cannot
 * plant one; {@code __Secure-} for the logout hint, whose path is Lumina's base path (a {@code __Host-} cookie
 * must have {@code Path=/}).
 * <p>
 * A sign-in in progress has a flow cookie of its own, {@code lumina.flow.<16 hex>}: the hex digits are the
 * start of the SHA-256 of its {@code state}, so the callback finds its cookie by the state it receives, and a
 * name never holds a character of that (untrusted) parameter itself.
 */
public enum CookieNames {
    SESSION("lumina.session", true),
    FLOW("lumina.flow", true),
    CSRF("lumina.csrf", true),
    /** A provider sign-out in progress: its state and where the browser lands afterwards. */
    LOGOUT("lumina.logout", true),
    /** The ID token kept for the provider sign-out's {@code id_token_hint}; only sent to Lumina's base path. */
    LOGOUT_HINT("lumina.logout-hint", false),
    /** The provider tokens kept for the application (sealed), see {@code ProviderTokens}. */
    TOKENS("lumina.tokens", true);

    private static final String HOST_PREFIX = "__Host-";
    private static final String SECURE_PREFIX = "__Secure-";
    /** Hex digits of the state's hash in a flow cookie's name (64 bits: no two flows of a browser collide). */
    static final int FLOW_NAME_HEX = 16;

    private final String baseName;
    private final boolean rootPath;
    private final String hostName;

    CookieNames(String baseName, boolean rootPath) {
        this.baseName = baseName;
        this.rootPath = rootPath;
        this.hostName = (rootPath ? HOST_PREFIX : SECURE_PREFIX) + baseName; // made once: the session filter asks on every request
    }

    public String baseName() {
        return baseName;
    }

    /** {@code true} for the cookies of {@code Path=/}; {@code false} for those of Lumina's base path. */
    public boolean rootPath() {
        return rootPath;
    }

    /** The name used on a secure (HTTPS) or plain-HTTP origin. */
    public String name(boolean secure) {
        return secure ? hostName : baseName;
    }

    /** The flow cookie of the sign-in whose {@code state} this is; any string gives a well-formed name. */
    public static String flow(String state, boolean secure) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return FLOW.name(secure) + "." + HexFormat.of().formatHex(hash).substring(0, FLOW_NAME_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code true} for the name of a flow cookie on this origin (as {@link #flow} makes them). */
    public static boolean isFlow(String name, boolean secure) {
        String prefix = FLOW.name(secure) + ".";
        if (!name.startsWith(prefix) || name.length() != prefix.length() + FLOW_NAME_HEX) {
            return false;
        }
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
