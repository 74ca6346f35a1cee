package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.jaxrs.remote.RemoteAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of whoever sent a request, for applications that throttle sign-ins
 * ({@code CredentialsSubmitted.clientAddress()}, {@code AuthFailed.clientAddress()}).
 *
 * <p>By default it is the peer address of the connection; a client cannot change it with a header. With
 * {@code lumina.auth.trust-forwarded-headers=true} (only behind a proxy that sets {@code X-Forwarded-For})
 * it is the <em>last</em> entry of {@code X-Forwarded-For}: the one the trusted proxy appended. Entries
 * before it were written by the client and are never used. A value that is not an IP address is ignored.
 */
@ApplicationScoped
public class ClientAddresses {
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|(?=.*:)[0-9A-Fa-f:.]{2,45}");

    @Inject
    AuthConfig config;

    private final RemoteAddress remote = new RemoteAddress();

    /** The client's address, or {@code null} when the runtime cannot tell it. */
    public String of(HttpHeaders headers, ResourceContext context) {
        if (config.trustForwardedHeaders()) {
            Optional<String> forwarded = lastForwardedFor(headers.getRequestHeaders().get("X-Forwarded-For"));
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        return remote.of(context).orElse(null);
    }

    static Optional<String> lastForwardedFor(java.util.List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String last = values.get(values.size() - 1);
        int comma = last.lastIndexOf(',');
        String candidate = (comma >= 0 ? last.substring(comma + 1) : last).trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        return IP.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
