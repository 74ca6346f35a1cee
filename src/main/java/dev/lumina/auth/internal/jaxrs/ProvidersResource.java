package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET <base>/providers}: the configured providers for a sign-in page, as
 * {@code [{"id","name","type","signinUrl"}]}; nothing secret (no client id, no endpoint).
 */
@Singleton // stateless; handed out by Endpoints
public class ProvidersResource {
    @Inject
    AuthConfig config;
    @Inject
    AuthRequests requests;

    @GET
    public Response list(@Context HttpHeaders headers, @Context UriInfo uri) {
        RequestFacts facts = requests.facts(uri, headers);
        JsonArrayBuilder list = JsonBodies.BUILDERS.createArrayBuilder();
        for (ProviderConfig p : config.providers()) {
            list.add(JsonBodies.BUILDERS.createObjectBuilder()
                    .add("id", p.id())
                    .add("name", p.name())
                    .add("type", p.type().id())
                    .add("signinUrl", facts.endpoint("signin/" + p.id())));
        }
        return JsonBodies.json(200, list.build().toString());
    }
}
