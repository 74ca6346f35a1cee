package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample WAR deploys and answers on loopback. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    URL url;

    @Test
    void sampleApplicationAnswersOnLoopback() throws Exception {
        URI base = SampleDeployment.base(url);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("ping")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("pong", response.body());
    }
}
