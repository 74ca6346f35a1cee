package dev.lumina.demo;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Current;
import dev.lumina.auth.ProviderTokens;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A call to the provider's API on the user's behalf with {@code @Current ProviderTokens}: the dev provider's
 * userinfo endpoint, with the kept access token (refreshed first by Lumina when it is about to expire). The
 * pattern to copy for GitHub's or Google's APIs. Called by {@link DemoPageResource} for
 * {@code GET /demo/provider-call}.
 */
@ApplicationScoped
public class DemoProviderCall {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @Current
    Session session;
    @Inject
    @Current
    ProviderTokens tokens;
    @Inject
    AuthConfig config;

    /** What the call answered: an HTTP status and a JSON body. */
    public record Answer(int status, String json) {
    }

    public Answer userinfo() {
        if (!session.isAuthenticated()) {
            return new Answer(401, "{\"error\":\"unauthenticated\"}");
        }
        if (!tokens.isPresent()) {
            return new Answer(404, "{\"error\":\"no_provider_tokens\",\"hint\":\"sign in with the dev provider\"}");
        }
        URI userinfo = config.provider(tokens.provider().orElseThrow()).flatMap(ProviderConfig::issuer)
                .map(issuer -> URI.create(issuer + "/userinfo")).orElseThrow();
        try {
            HttpRequest call = HttpRequest.newBuilder(userinfo).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.accessToken()).header("Accept", "application/json").build();
            HttpResponse<String> r = HTTP.send(call, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new Answer(200, r.body())
                    : new Answer(502, "{\"error\":\"provider_answered\",\"status\":" + r.statusCode() + "}");
        } catch (AuthException e) {
            return new Answer(e.error().httpStatus(), "{\"error\":\"" + e.error().code() + "\"}");
        } catch (IOException e) {
            return new Answer(502, "{\"error\":\"provider_unavailable\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "{\"error\":\"interrupted\"}");
        }
    }
}
