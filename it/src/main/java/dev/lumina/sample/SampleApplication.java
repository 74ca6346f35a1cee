package dev.lumina.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sample's JAX-RS root. Empty on purpose: with no classes listed, RESTEasy (WildFly) and
 * Jersey (Payara) both scan the WAR, Lumina's jar in {@code WEB-INF/lib} included.
 */
@ApplicationPath("/")
public class SampleApplication extends Application {
}
