package tmpshot;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Chromium;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.demo.DemoCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

class ShotTest {
    @Test
    void shots() throws Exception {
        try (LuminaServer server = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.corp.type", "oidc").property("lumina.auth.providers.corp.name", "Acme SSO")
                .property("lumina.auth.providers.corp.client-id", "x").property("lumina.auth.providers.corp.issuer", "http://127.0.0.1:1/x")
                .property("lumina.auth.providers.github.client-id", "x")
                .properties(DemoCredentials.PROPERTIES).classes(DemoCredentials.CLASSES).start();
             Chromium c = Chromium.start()) {
            String base = "http://localhost:" + server.port();
            c.driver().get(base + "/auth/signin?error=credentials_invalid&provider=credentials&callbackUrl=/demo");
            Files.write(Path.of("/tmp/ui-signin.png"), c.driver().getScreenshotAs(OutputType.BYTES));
            c.driver().get(base + "/auth/error?error=state_invalid&provider=corp");
            Files.write(Path.of("/tmp/ui-error.png"), c.driver().getScreenshotAs(OutputType.BYTES));
            c.driver().get(base + "/demo");
            Thread.sleep(1000);
            Files.write(Path.of("/tmp/ui-demo.png"), c.driver().getScreenshotAs(OutputType.BYTES));
        }
    }
}
