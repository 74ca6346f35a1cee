package dev.lumina.auth.testing;

import dev.lumina.auth.Current;
import dev.lumina.auth.ProviderTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An application resource that uses {@code @Current ProviderTokens} as a user would: from an
 * {@code @ApplicationScoped} bean (the proxy follows each request).
 */
@Path("tokens")
@ApplicationScoped
public class TokensProbe {
    @Inject
    @Current
    ProviderTokens tokens;

    /** The access token, refreshed when due; an AuthException reaches Lumina's mapper as {"error": code}. */
    @GET
    @Path("access")
    @Produces(MediaType.TEXT_PLAIN)
    public String access() {
        return tokens.accessToken();
    }

    /** What is kept, without asking for a token (never calls the provider). */
    @GET
    @Path("info")
    @Produces(MediaType.TEXT_PLAIN)
    public String info() {
        return tokens.isPresent() + "|" + tokens.provider().orElse("-") + "|" + String.join(" ", tokens.scopes()) + "|"
                + tokens.expiresAt().map(Object::toString).orElse("-") + "|" + tokens.canRefresh();
    }
}
