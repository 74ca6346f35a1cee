package dev.lumina.auth.embedded;

import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * An application with Lumina running on Jersey + Weld SE + Grizzly: for development, tests and the demo.
 * Needs {@code jersey-container-grizzly2-http}, {@code jersey-hk2}, {@code jersey-cdi1x},
 * {@code jersey-weld2-se}, {@code weld-se-core}, {@code parsson} and {@code smallrye-config-core} on the
 * class path (a WAR on WildFly or Payara needs none of them).
 *
 * <pre>{@code
 * try (LuminaServer server = LuminaServer.builder()
 *         .port(8080)
 *         .property("lumina.auth.secret", System.getenv("AUTH_SECRET"))
 *         .classes(Accounts.class, MeResource.class)      // observers, resources, providers
 *         .start()) {
 *     System.out.println("listening on " + server.uri());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * Properties given here win over MicroProfile Config, system properties and environment variables. One
 * server runs per JVM at a time: Jersey's CDI integration finds one CDI container per JVM.
 */
public interface LuminaServer extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:8080/}. */
    URI uri();

    /** The port it listens on. */
    default int port() {
        return uri().getPort();
    }

    /** The application's CDI beans, e.g. {@code server.beans().select(Accounts.class).get()} in a test. */
    Instance<Object> beans();

    /** Stops the HTTP server, then CDI. */
    @Override
    void close();

    /** Configures and starts a {@link LuminaServer}. */
    final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Class<?>> classes = new ArrayList<>();

        private Builder() {
        }

        /** The address to bind, {@code 127.0.0.1} unless told otherwise. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** The application's classes: CDI beans (observers, producers) and JAX-RS resources and providers. */
        public Builder classes(Class<?>... types) {
            classes.addAll(List.of(types));
            return this;
        }

        /**
         * Starts CDI, then Jersey on Grizzly.
         *
         * @throws jakarta.enterprise.inject.spi.DeploymentException (or the container's subclass of it) when the
         *                                                           configuration is unusable
         * @throws IllegalStateException when another LuminaServer is running in this JVM, or the embedded runtime
         *                               is not on the class path
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public LuminaServer start() {
            Iterator<Launcher> launchers = ServiceLoader.load(Launcher.class, LuminaServer.class.getClassLoader()).iterator();
            if (!launchers.hasNext()) {
                throw new IllegalStateException("the embedded runtime of Lumina is missing from the jar");
            }
            return launchers.next().start(new Settings(host, port, Map.copyOf(properties), List.copyOf(classes)));
        }
    }

    /**
     * What {@link Builder#start()} asks the runtime for.
     *
     * @param host       the address to bind
     * @param port       the port, 0 for any free one
     * @param properties Lumina properties that win over every other source
     * @param classes    the application's classes
     */
    record Settings(String host, int port, Map<String, String> properties, List<Class<?>> classes) {
    }

    /**
     * The embedded runtime itself, inside Lumina and found with {@link ServiceLoader}, so that this package holds
     * no implementation. Applications neither implement nor call it.
     */
    interface Launcher {
        LuminaServer start(Settings settings);
    }
}
