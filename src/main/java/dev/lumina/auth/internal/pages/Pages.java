package dev.lumina.auth.internal.pages;

import static dev.lumina.auth.internal.pages.Html.escape;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.flow.CredentialsCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the built-in sign-in and error pages. Plain HTML forms that work without JavaScript; the style
 * sheet is inline and allowed by its hash, so the Content-Security-Policy permits nothing else: no script,
 * no frame, no foreign style. Every value that reaches the HTML is escaped.
 */
@ApplicationScoped
public class Pages {
    private static final String CSS = resource("pages.css");
    private static final String CSS_HASH = sha256(CSS);

    /**
     * No script at all; only this page's own style; not framable; no {@code <base>}. There is no
     * {@code form-action}: a browser applies it to the redirect that follows a form post too, and the
     * sign-in buttons' posts are answered with a redirect to the provider's origin.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + CSS_HASH
            + "'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

    @Inject
    AuthConfig config;

    /**
     * What the sign-in page shows. {@code authBase} is the path of Lumina's endpoints ending with {@code /}
     * (e.g. {@code /ctx/auth/}); {@code callbackUrl} is already validated (or {@code null}).
     */
    public record SignInView(String authBase, String csrfToken, String callbackUrl, String error, String providerId,
                             Session session) {
    }

    /** What the error page shows; {@code signInUrl} is the page to try again. */
    public record ErrorView(String error, String providerId, String signInUrl) {
    }

    public String signIn(SignInView v) {
        StringBuilder h = new StringBuilder(4096);
        head(h, "Sign in");
        h.append("<h1>Sign in</h1>\n<p class=\"sub\">Choose how you want to continue.</p>\n");
        Messages.forCode(v.error()).ifPresent(m -> h.append("<div class=\"alert\" role=\"alert\" id=\"lumina-error\" data-error=\"")
                .append(escape(Messages.knownCode(v.error()).orElse("error"))).append("\">").append(escape(m))
                .append(providerSuffix(v.providerId())).append("</div>\n"));
        if (v.session() != null && v.session().isAuthenticated()) {
            String who = Optional.ofNullable(v.session().name()).or(() -> Optional.ofNullable(v.session().email()))
                    .orElse(v.session().subject());
            h.append("<div class=\"note\" id=\"lumina-signed-in\">You are signed in as <strong>").append(escape(who))
                    .append("</strong>. <form class=\"inline\" method=\"post\" action=\"").append(escape(v.authBase()))
                    .append("signout\">").append(hidden("csrfToken", v.csrfToken()))
                    .append(hidden("callbackUrl", v.callbackUrl()))
                    .append("<button type=\"submit\">Sign out</button></form></div>\n");
        }
        List<ProviderConfig> oauth = config.providers().stream().filter(p -> p.type() != ProviderType.CREDENTIALS).toList();
        List<ProviderConfig> credentials = config.providers().stream().filter(p -> p.type() == ProviderType.CREDENTIALS).toList();
        String errorUrl = v.authBase() + "signin" + (v.callbackUrl() == null ? ""
                : "?callbackUrl=" + URLEncoder.encode(v.callbackUrl(), StandardCharsets.UTF_8));
        if (!oauth.isEmpty()) {
            h.append("<div class=\"providers\">\n");
            for (ProviderConfig p : oauth) {
                h.append("<form method=\"post\" action=\"").append(escape(v.authBase() + "signin/" + p.id())).append("\">")
                        .append(hidden("csrfToken", v.csrfToken()))
                        .append(hidden("callbackUrl", v.callbackUrl()))
                        .append(hidden("errorUrl", errorUrl))
                        .append("<button class=\"provider\" type=\"submit\" id=\"lumina-provider-").append(escape(p.id()))
                        .append("\"><span class=\"mark mark-").append(escape(p.type().id())).append("\" aria-hidden=\"true\">")
                        .append(escape(initial(p.name()))).append("</span>Continue with ").append(escape(p.name()))
                        .append("</button></form>\n");
            }
            h.append("</div>\n");
        }
        if (!oauth.isEmpty() && !credentials.isEmpty()) {
            h.append("<div class=\"divider\">or</div>\n");
        }
        for (ProviderConfig p : credentials) {
            h.append("<form class=\"credentials\" method=\"post\" id=\"lumina-credentials-").append(escape(p.id()))
                    .append("\" action=\"").append(escape(v.authBase() + "callback/" + p.id())).append("\">\n");
            if (credentials.size() > 1) {
                h.append("<h2>").append(escape(p.name())).append("</h2>\n");
            }
            h.append(hidden("csrfToken", v.csrfToken())).append(hidden("callbackUrl", v.callbackUrl()))
                    .append(hidden("errorUrl", errorUrl)).append('\n');
            boolean first = true;
            for (String f : p.fields()) {
                String inputId = "lumina-" + p.id() + "-" + f;
                boolean secret = CredentialsCheck.isSecretField(f);
                h.append("<div class=\"field\"><label for=\"").append(escape(inputId)).append("\">").append(escape(label(f)))
                        .append("</label><input id=\"").append(escape(inputId)).append("\" name=\"").append(escape(f))
                        .append("\" type=\"").append(secret ? "password" : f.toLowerCase(Locale.ROOT).equals("email") ? "email" : "text")
                        .append("\" autocomplete=\"").append(autocomplete(f, secret)).append("\" maxlength=\"1024\" required")
                        .append(first ? " autofocus" : "").append(secret ? "" : " autocapitalize=\"none\" spellcheck=\"false\"")
                        .append("></div>\n");
                first = false;
            }
            h.append("<button class=\"primary\" type=\"submit\">Sign in").append(credentials.size() > 1 || !oauth.isEmpty()
                    ? " with " + escape(p.name()) : "").append("</button>\n</form>\n");
        }
        if (config.providers().isEmpty()) {
            h.append("<p class=\"empty\">No sign-in method is configured.</p>\n");
        }
        foot(h);
        return h.toString();
    }

    public String error(ErrorView v) {
        StringBuilder h = new StringBuilder(2048);
        head(h, "Sign-in problem");
        h.append("<h1>Sign-in problem</h1>\n<p class=\"sub\">We could not sign you in.</p>\n");
        String message = Messages.forCode(v.error()).orElse("Something went wrong while signing you in.");
        h.append("<div class=\"alert\" role=\"alert\" id=\"lumina-error\" data-error=\"")
                .append(escape(Messages.knownCode(v.error()).orElse("error"))).append("\">").append(escape(message))
                .append(providerSuffix(v.providerId())).append("</div>\n");
        h.append("<a class=\"link\" href=\"").append(escape(v.signInUrl())).append("\">Try again</a>\n");
        Messages.knownCode(v.error()).ifPresent(c -> h.append("<p class=\"code\">Error code: ").append(escape(c)).append("</p>\n"));
        foot(h);
        return h.toString();
    }

    /** " (Name)" for a configured provider; nothing for an id that is not one (never reflected). */
    private String providerSuffix(String id) {
        return config.provider(id == null ? "" : id).map(p -> " <span class=\"provider-name\">(" + escape(p.name()) + ")</span>")
                .orElse("");
    }

    private static void head(StringBuilder h, String title) {
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main class=\"card\">\n")
                .append("<div class=\"brand\"><span class=\"logo\" aria-hidden=\"true\">L</span></div>\n");
    }

    private static void foot(StringBuilder h) {
        h.append("<footer>Secured by Lumina Auth</footer>\n</main>\n</body>\n</html>\n");
    }

    private static String hidden(String name, String value) {
        if (value == null) {
            return "";
        }
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    private static String initial(String name) {
        return name == null || name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }

    /** "username" -> "Username", "first_name" -> "First name". */
    static String label(String field) {
        String spaced = field.replaceAll("[_-]+", " ").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).trim();
        return spaced.isEmpty() ? field : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String autocomplete(String field, boolean secret) {
        if (secret) {
            return "current-password";
        }
        String f = field.toLowerCase(Locale.ROOT);
        return f.contains("email") || f.contains("user") || f.contains("login") ? "username" : "off";
    }

    /** A text file that ships in the jar beside this class. */
    public static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the Lumina jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
