package dev.lumina.auth.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void currentSessionReachesResource() {
        try (LuminaServer server = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .classes(ProbeResource.class).start()) {
            String token = new SessionMinter(TestSecrets.A).token("alice", "admin");
            given().baseUri(server.uri().toString()).cookie("lumina.session", token)
                    .get("probe/whoami").then().statusCode(200).body(equalTo("alice|alice"));
            given().baseUri(server.uri().toString())
                    .get("probe/whoami").then().statusCode(200).body(equalTo("anonymous|-"));
        }
    }
}
