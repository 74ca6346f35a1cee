package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Step (6): exchanges the authorization code, with this sign-in's PKCE verifier and redirect URI, at the
 * token endpoint (RFC 6749 section 4.1.3). The client authenticates with HTTP Basic, or in the body where a
 * provider asks for it (GitHub, {@code client_secret_post}). Anything but a {@code Bearer} answer with an
 * access token is {@code provider_error} (a provider that cannot be reached: {@code provider_unavailable}).
 * The provider's error body is never reflected nor logged.
 */
public final class TokenClient {
    private static final LuminaLog LOG = LuminaLog.of(TokenClient.class);

    private final OutboundHttp http;
    private final Clock clock;

    public TokenClient(OutboundHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** How the client proves itself at the token endpoint. */
    public record Client(String clientId, String clientSecret, boolean secretInBody) {
        @Override
        public String toString() {
            return "Client[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    public TokenResponse exchange(String providerId, URI tokenEndpoint, Client client, String code, URI redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", verifier);
        HttpReply reply;
        try {
            reply = post(tokenEndpoint, client, form);
        } catch (HttpCallFailed f) {
            LOG.log(LogMessage.TOKEN_REQUEST_FAILED, providerId, f.getMessage());
            throw new AuthException(f.kind() == HttpCallFailed.Kind.UNREACHABLE ? AuthError.PROVIDER_UNAVAILABLE : AuthError.PROVIDER_ERROR,
                    "token request failed: " + f.getMessage());
        }
        return parse(providerId, reply);
    }

    /**
     * RFC 6749 section 6: a new access token for a refresh token, with the same client authentication as the code
     * exchange. A provider that cannot be reached, or answers 5xx, is {@code provider_unavailable} (try again
     * later: the refresh token is still good); any refusal or unusable answer is {@code token_refresh_failed}.
     */
    public TokenResponse refresh(String providerId, URI tokenEndpoint, Client client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        HttpReply reply;
        try {
            reply = post(tokenEndpoint, client, form);
        } catch (HttpCallFailed f) {
            LOG.log(LogMessage.TOKEN_REQUEST_FAILED, providerId, f.getMessage());
            throw new AuthException(AuthError.PROVIDER_UNAVAILABLE, "refresh request failed: " + f.getMessage());
        }
        if (reply.status() >= 500) {
            LOG.log(LogMessage.TOKEN_ENDPOINT_REFUSED, providerId, reply.status(), "");
            throw new AuthException(AuthError.PROVIDER_UNAVAILABLE, "token endpoint answered " + reply.status());
        }
        try {
            return parse(providerId, reply);
        } catch (AuthException e) {
            throw new AuthException(AuthError.TOKEN_REFRESH_FAILED, "refresh refused: " + e.getMessage());
        }
    }

    private HttpReply post(URI tokenEndpoint, Client client, Map<String, String> form) throws HttpCallFailed {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (client.clientSecret() == null) {
            form.put("client_id", client.clientId());
        } else if (client.secretInBody()) {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        } else {
            headers.put("Authorization", "Basic " + basic(client.clientId(), client.clientSecret()));
        }
        return http.postForm(tokenEndpoint, headers, form);
    }

    /** (6) The token endpoint's answer read; package-private for the fuzz tests, which call it without network. */
    TokenResponse parse(String providerId, HttpReply reply) {
        JsonObject o = reply.jsonObject().orElse(null);
        if (!reply.isSuccess() || o == null || o.containsKey("error")) {
            String error = o != null && o.get("error") instanceof JsonString s ? s.getString() : null;
            LOG.log(LogMessage.TOKEN_ENDPOINT_REFUSED, providerId, reply.status(),
                    error != null && error.matches("[a-z_]{1,40}") ? " with error " + error : o == null ? " without a JSON object" : "");
            throw new AuthException(AuthError.PROVIDER_ERROR, "token endpoint refused (status " + reply.status() + ")");
        }
        String accessToken = string(o, "access_token");
        String tokenType = string(o, "token_type");
        if (accessToken == null || accessToken.isEmpty()) {
            throw malformed(providerId, "no access_token");
        }
        if (tokenType == null || !tokenType.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw malformed(providerId, "token_type is not Bearer");
        }
        JsonValue expiresIn = o.get("expires_in");
        java.time.Instant expiresAt = expiresIn instanceof JsonNumber n && n.longValue() > 0
                ? clock.instant().plusSeconds(Math.min(n.longValue(), 10L * 365 * 24 * 3600)) : null;
        return new TokenResponse(accessToken, string(o, "refresh_token"), string(o, "id_token"), expiresAt, string(o, "scope"));
    }

    private static AuthException malformed(String providerId, String why) {
        LOG.log(LogMessage.TOKEN_ANSWER_UNUSABLE, providerId, why);
        return new AuthException(AuthError.PROVIDER_ERROR, "token answer unusable: " + why);
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** RFC 6749 section 2.3.1: both parts form-encoded before Base64. */
    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
