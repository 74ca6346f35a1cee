package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.pages.Pages;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET <base>/client.js}: the browser client, an ES module shipped in the jar (no build step): the npm
 * package's module {@code client/src/index.js}, which the Maven build copies into the jar unchanged. Served
 * as {@code text/javascript} with an ETag; browsers revalidate it, so a new library version is picked up.
 */
@Singleton // stateless; handed out by Endpoints
public class ClientScriptResource {
    static final String SCRIPT = Pages.resource("client/index.js");
    static final String ETAG = "\"" + etag(SCRIPT) + "\"";

    @GET
    public Response script(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (ETAG.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, ETAG).header("Cache-Control", "no-cache").build();
        }
        return Response.ok(SCRIPT, "text/javascript; charset=utf-8")
                .header(HttpHeaders.ETAG, ETAG)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String etag(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
