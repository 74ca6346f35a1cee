package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.ProviderConfig;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * One request to {@code /auth/signin/{id}} or {@code /auth/callback/{id}}, as the resource hands it to the
 * {@link ProviderFlow} of the provider's kind.
 *
 * @param provider      the configured provider named in the path (an unknown id never gets this far)
 * @param method        {@code GET} or {@code POST}
 * @param facts         secure or not, public URLs
 * @param headers       the request headers (cookies, CSRF header, Accept)
 * @param query         the query parameters
 * @param fields        the POSTed form or JSON fields (empty for GET or a refused body)
 * @param bodyProblem   why the POSTed body was refused, or {@code null} when it was read (or absent)
 * @param json          the client asked for JSON rather than a redirect
 * @param clientAddress the caller's address when known, or {@code null}
 */
public record FlowRequest(ProviderConfig provider, String method, RequestFacts facts, HttpHeaders headers,
                          MultivaluedMap<String, String> query, PostedFields fields, PostedFields.Problem bodyProblem,
                          boolean json, String clientAddress) {

    public String providerId() {
        return provider.id();
    }

    public boolean isPost() {
        return "POST".equals(method);
    }
}
