package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;

/**
 * Reads a user API with the access token: the OIDC userinfo endpoint, GitHub's {@code /user} and
 * {@code /user/emails}. Whatever goes wrong (refused, late, truncated, not JSON) is {@code profile_invalid}:
 * no session is ever built from a partial profile (S74).
 */
public final class UserInfoClient {
    private static final LuminaLog LOG = LuminaLog.of(UserInfoClient.class);

    private final OutboundHttp http;

    public UserInfoClient(OutboundHttp http) {
        this.http = http;
    }

    /** The answer as a JSON object. */
    public JsonObject object(String providerId, URI endpoint, String accessToken, String accept) {
        return read(providerId, endpoint, accessToken, accept).jsonObject()
                .orElseThrow(() -> invalid(providerId, "not a JSON object"));
    }

    /** The answer as raw JSON text, for callers that expect an array. */
    public HttpReply read(String providerId, URI endpoint, String accessToken, String accept) {
        HttpReply reply;
        try {
            reply = http.get(endpoint, Map.of("Accept", accept, "Authorization", "Bearer " + accessToken));
        } catch (HttpCallFailed f) {
            throw invalid(providerId, f.getMessage());
        }
        if (!reply.isSuccess()) {
            throw invalid(providerId, "status " + reply.status());
        }
        return reply;
    }

    static AuthException invalid(String providerId, String why) {
        LOG.log(LogMessage.USER_API_UNUSABLE, providerId, why);
        return new AuthException(AuthError.PROFILE_INVALID, "user API unusable: " + why);
    }
}
