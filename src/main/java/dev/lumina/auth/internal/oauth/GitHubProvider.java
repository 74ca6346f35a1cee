package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.Profile;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.provider.GitHub;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub (and GitHub Enterprise): OAuth 2.0 without ID token. (6) the code exchange (JSON, client secret in
 * the body), (7) {@code /user} for the id, login, name and avatar, and {@code /user/emails} for the
 * primary verified email. The subject is GitHub's numeric user id (stable), never the login or the email.
 */
public final class GitHubProvider implements OAuthProvider {
    private static final String ACCEPT = "application/vnd.github+json";
    private static final LuminaLog LOG = LuminaLog.of(GitHubProvider.class);

    private final ProviderConfig config;
    private final TokenClient tokens;
    private final UserInfoClient api;

    GitHubProvider(ProviderConfig config, TokenClient tokens, UserInfoClient api) {
        this.config = config;
        this.tokens = tokens;
        this.api = api;
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public URI authorizationEndpoint() {
        return config.authorizationEndpoint().orElse(GitHub.AUTHORIZATION_ENDPOINT);
    }

    @Override
    public List<String> scopes() {
        return config.scopes().isEmpty() ? GitHub.DEFAULT_SCOPES : config.scopes();
    }

    @Override
    public boolean usesNonce() {
        return false;
    }

    @Override
    public Optional<String> issuer() {
        return Optional.empty();
    }

    @Override
    public Profile profile(String code, URI redirectUri, String verifier, String nonce) {
        TokenClient.Client client = new TokenClient.Client(config.clientId(), config.clientSecret().orElse(null), true);
        // (6)
        TokenResponse response = tokens.exchange(config.id(), config.tokenEndpoint().orElse(GitHub.TOKEN_ENDPOINT), client,
                code, redirectUri, verifier);
        // (7)
        JsonObject user = api.object(config.id(), config.userinfoEndpoint().orElse(GitHub.USER_API), response.accessToken(), ACCEPT);
        if (!(user.get("id") instanceof JsonNumber id) || !id.isIntegral()) {
            throw UserInfoClient.invalid(config.id(), "the user has no numeric id");
        }
        Optional<String> verified = primaryVerifiedEmail(response.accessToken());
        String publicEmail = string(user, "email");
        String email = verified.orElse(publicEmail);
        return Profile.builder(config.id(), id.toString())
                .email(email)
                .emailVerified(verified.isPresent())
                .name(Optional.ofNullable(string(user, "name")).orElse(string(user, "login")))
                .picture(string(user, "avatar_url"))
                .claims(JsonMaps.toMap(user))
                .tokens(response.toTokenSet())
                .build();
    }

    /** GitHub App user tokens expire and refresh (rotating the refresh token); OAuth App tokens never expire. */
    @Override
    public TokenResponse refresh(String refreshToken) {
        TokenClient.Client client = new TokenClient.Client(config.clientId(), config.clientSecret().orElse(null), true);
        return tokens.refresh(config.id(), config.tokenEndpoint().orElse(GitHub.TOKEN_ENDPOINT), client, refreshToken);
    }

    /** The primary verified address of {@code /user/emails}; empty when there is none or it cannot be read. */
    private Optional<String> primaryVerifiedEmail(String accessToken) {
        HttpReply reply;
        try {
            reply = api.read(config.id(), config.emailsEndpoint().orElse(GitHub.EMAILS_API), accessToken, ACCEPT);
        } catch (RuntimeException e) {
            LOG.log(LogMessage.GITHUB_NO_VERIFIED_EMAIL, config.id());
            return Optional.empty();
        }
        if (!(reply.json().orElse(null) instanceof JsonArray array)) {
            return Optional.empty();
        }
        for (JsonValue v : array) {
            if (v instanceof JsonObject o && o.getBoolean("primary", false) && o.getBoolean("verified", false)
                    && o.get("email") instanceof JsonString s) {
                return Optional.of(s.getString());
            }
        }
        return Optional.empty();
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public String toString() {
        return "GitHubProvider[" + config.id() + "]";
    }

}
