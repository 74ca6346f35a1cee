package dev.lumina.auth.testing;

import static io.restassured.RestAssured.given;

import dev.lumina.auth.embedded.LuminaServer;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** An embedded server with the test application (ProbeResource, RecordedEvents) on a random loopback port. */
public final class TestServer implements AutoCloseable {
    private final LuminaServer server;

    private TestServer(LuminaServer server) {
        this.server = server;
    }

    public static TestServer start(Map<String, String> properties, Class<?>... extra) {
        Map<String, String> all = new HashMap<>();
        all.put("lumina.auth.secret", TestSecrets.A);
        all.putAll(properties);
        LuminaServer.Builder b = LuminaServer.builder().port(0).properties(all)
                .classes(ProbeResource.class, RecordedEvents.class).classes(extra);
        return new TestServer(b.start());
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** A request to this server that does not follow redirects. */
    public RequestSpecification request() {
        return given().baseUri(server.uri().toString()).redirects().follow(false);
    }

    public RecordedEvents events() {
        return server.beans().select(RecordedEvents.class).get();
    }

    public LuminaServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
