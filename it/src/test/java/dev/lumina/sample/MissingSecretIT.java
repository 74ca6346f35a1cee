package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR on a server that has no Lumina settings at all (the "nosecret" container of
 * arquillian.xml: WildFly's own standalone.xml and no LUMINA_* environment; Payara Micro without the system
 * properties file): the deployment fails, and what the operator reads names the key to set.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingSecretIT {
    private static final String SERVER = "nosecret";
    private static final String DEPLOYMENT = "without-secret";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static WebArchive withoutSecret() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploymentWithoutSecretFailsWithMessageNamingTheKey() {
        containers.start(SERVER);
        Tee console = Tee.install();
        try {
            Exception failure = null;
            try {
                deployer.deploy(DEPLOYMENT);
            } catch (Exception e) {
                failure = e;
            }
            String said = messages(failure) + "\n" + console.text();
            if (failure == null) {
                // Payara Micro's connector does not report a failed deployment (it deploys at boot and only
                // reads the server's banner): the failure is in the server's output, which it echoes here
                assertTrue(said.contains("deployment failure"),
                        "Payara Micro reports the deployment as failed in its output");
            }
            // WildFly: the deployment failure carries the application's exception
            assertTrue(said.contains("lumina.auth.secret is not set"),
                    () -> "what the operator reads names lumina.auth.secret:\n" + said);
        } finally {
            console.uninstall();
            try {
                deployer.undeploy(DEPLOYMENT);
            } catch (RuntimeException ignored) {
                // nothing was deployed
            }
            containers.stop(SERVER);
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }

    /** Copies what is printed to System.out (where the Payara connector echoes the server) while installed. */
    private static final class Tee extends OutputStream {
        private final PrintStream original = System.out;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        static Tee install() {
            Tee tee = new Tee();
            System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
            return tee;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            copy.write(b, off, len);
        }

        synchronized String text() {
            return copy.toString(StandardCharsets.UTF_8);
        }

        void uninstall() {
            System.setOut(original);
        }
    }
}
