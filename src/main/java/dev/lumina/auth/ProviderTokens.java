package dev.lumina.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of the provider the current user signed in with, for calling its API on the user's behalf. Kept only
 * for providers with {@code lumina.auth.providers.<id>.keep-tokens=true}, sealed (encrypted) in a cookie of their
 * own that no script can read and that belongs to one session. Inject it like the session:
 *
 * <pre>{@code
 * @Inject @Current ProviderTokens tokens;
 *
 * if (tokens.isPresent()) {
 *     HttpRequest call = HttpRequest.newBuilder(URI.create("https://api.github.com/user/repos"))
 *             .header("Authorization", "Bearer " + tokens.accessToken()).build();
 * }
 * }</pre>
 *
 * Nothing is read or decrypted until a method is called, and nothing calls the provider but
 * {@link #accessToken()} when the token is about to expire: then it refreshes first (once per node for all the
 * parallel requests of a session), and the response carries the new tokens back to the browser. It is a
 * request-scoped proxy, like {@code @Current Session}: right in a bean of any scope, within a request.
 */
public interface ProviderTokens {

    /** {@code true} when the current session has kept provider tokens. */
    boolean isPresent();

    /** The id of the provider the tokens are from; empty without tokens. */
    Optional<String> provider();

    /**
     * An access token valid for at least {@code lumina.auth.tokens.refresh-margin} (or without expiry, as GitHub
     * OAuth App tokens are), refreshed first when it expires sooner. The only method that may call the provider.
     *
     * @throws AuthException {@link AuthError#TOKEN_REFRESH_FAILED} when the provider refused the refresh (or there
     *                       is no refresh token); {@link AuthError#PROVIDER_UNAVAILABLE} when it could not be reached
     *                       (the tokens stay: try again later); {@link AuthError#UNAUTHENTICATED} without tokens
     */
    String accessToken();

    /** When the current access token expires; empty without tokens or when the provider did not say. */
    Optional<Instant> expiresAt();

    /** The granted scopes (as the provider answered, else as asked for); empty without tokens. */
    List<String> scopes();

    /** {@code true} when a refresh token is kept, so {@link #accessToken()} can renew an expired token. */
    boolean canRefresh();
}
