package dev.lumina.sample;

import java.io.File;
import java.net.URI;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place that builds what the ITs deploy: the sample WAR that {@code mvn package} made,
 * exactly as a user would deploy it.
 */
final class SampleDeployment {

    static final String NAME = "lumina-sample.war";

    private SampleDeployment() {
    }

    /** The WAR built by this project's {@code package} phase. */
    static WebArchive sample() {
        DevProvider.ensureStarted();
        File war = new File(System.getProperty("sample.war", "target/" + NAME));
        if (!war.isFile()) {
            throw new IllegalStateException(war.getAbsolutePath() + " is missing: run the ITs with `mvn verify`");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * The application's base URI on loopback. Payara Micro's connector reports the machine's own
     * address in {@code @ArquillianResource URL}, while the server listens on 127.0.0.1 only.
     */
    static URI base(URL reported) {
        URI uri = URI.create(reported.toExternalForm());
        String path = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
        return URI.create("http://127.0.0.1:" + uri.getPort() + path);
    }

    /**
     * The server under test ({@code wildfly} or {@code payara}): the Arquillian container the execution launches.
     * Not {@code it.server}: the root build's invoker passes {@code -Dit.server=all}, and a property on the command
     * line wins over the failsafe execution's own.
     */
    static String server() {
        return System.getProperty("arquillian.launch", "unknown");
    }
}
