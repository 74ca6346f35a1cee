package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where Lumina may send a browser: a relative path ({@code /x}, not {@code //} nor {@code /\}) or
 * an absolute {@code http(s)} URL whose origin is allowed. Everything else is {@code invalid_redirect}.
 * The rule is applied to the value as given and once more percent-decoded, so that encodings which a
 * browser or proxy might decode ({@code /%2F%2Fevil}) cannot slip through. In the value as given, spaces,
 * control characters and backslashes are refused outright, since browsers strip, ignore or reinterpret them.
 * Once decoded, only what a browser would reinterpret is refused: control characters, backslashes, and a
 * path that starts with {@code //}; an encoded space ({@code /search?q=a%20b}) is an ordinary character.
 */
public final class RedirectValidator {
    private static final int MAX_LENGTH = 2048;

    private final Set<String> allowedOrigins;

    /** @param allowedOrigins origins such as {@code https://app.example.com}; normalised here */
    public RedirectValidator(Set<String> allowedOrigins) {
        Set<String> set = new HashSet<>();
        for (String o : allowedOrigins) {
            origin(o).ifPresent(set::add);
        }
        this.allowedOrigins = Set.copyOf(set);
    }

    /**
     * The target itself when it is allowed, {@code fallback} when it is absent or blank.
     *
     * @throws AuthException {@code invalid_redirect} for anything else
     */
    public String validate(String target, String fallback) {
        if (target == null || target.isBlank()) {
            return fallback;
        }
        if (!isAllowed(target)) {
            throw new AuthException(AuthError.INVALID_REDIRECT, "redirect target refused");
        }
        return target;
    }

    /** {@code true} when the target is a safe relative path or an absolute URL of an allowed origin. */
    public boolean isAllowed(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH || hasForbiddenChar(target)) {
            return false;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false; // malformed percent-encoding
        }
        if (hasReinterpretedChar(decoded)) {
            return false;
        }
        if (target.startsWith("/")) {
            // the decoded form is not a URI any more (it may hold a space): only where it would lead matters
            return isLocalPath(target) && !decoded.startsWith("//");
        }
        return origin(target).map(allowedOrigins::contains).orElse(false);
    }

    private static boolean isLocalPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Control characters and backslashes, which browsers ignore or read as {@code /}. */
    private static boolean hasReinterpretedChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasForbiddenChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, lower-cased, default port dropped. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
