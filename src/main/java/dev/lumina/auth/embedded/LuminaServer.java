package dev.lumina.auth.embedded;

import dev.lumina.auth.internal.cdi.LuminaClasses;
import dev.lumina.auth.internal.cdi.LuminaExtension;
import dev.lumina.auth.internal.config.ConfigSources;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.weld.se.WeldRequestScope;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs an application with Lumina on Jersey + Weld SE + Grizzly: for development, tests and the demo.
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
 * Properties given here win over MicroProfile Config, system properties and environment variables.
 */
public final class LuminaServer implements AutoCloseable {
    /** Jersey's CDI integration finds one CDI container per JVM: a second server would use the first one's beans. */
    private static final java.util.concurrent.atomic.AtomicBoolean RUNNING = new java.util.concurrent.atomic.AtomicBoolean();

    private final WeldContainer weld;
    private final HttpServer http;
    private final URI uri;

    private LuminaServer(WeldContainer weld, HttpServer http, URI uri) {
        this.weld = weld;
        this.http = http;
        this.uri = uri;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    /** The CDI container, to look up beans in tests. */
    public WeldContainer container() {
        return weld;
    }

    @Override
    public void close() {
        try {
            http.shutdownNow();
        } finally {
            try {
                if (weld.isRunning()) {
                    weld.shutdown();
                }
            } finally {
                RUNNING.set(false);
            }
        }
    }

    /** Configures a {@link LuminaServer}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Class<?>> classes = new ArrayList<>();

        private Builder() {
        }

        /** The address to bind, {@code 127.0.0.1} unless told otherwise. */
        public Builder host(String host) {
            this.host = host;
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
         * @throws org.jboss.weld.exceptions.DeploymentException or another CDI deployment exception when the
         *                                                       configuration is unusable
         * @throws IllegalStateException when another LuminaServer is running in this JVM
         */
        public LuminaServer start() {
            // Weld first: Jersey's CDI integration looks the container up when it starts
            WeldContainer container = weld().initialize();
            if (!RUNNING.compareAndSet(false, true)) {
                container.shutdown();
                throw new IllegalStateException("a LuminaServer is already running in this JVM; close it first "
                        + "(Jersey's CDI integration sees one CDI container per JVM: run other nodes in other JVMs)");
            }
            try {
                return serve(container);
            } catch (RuntimeException | Error e) {
                container.shutdown();
                RUNNING.set(false);
                throw e;
            }
        }

        private Weld weld() {
            Weld weld = new Weld("lumina-" + UUID.randomUUID()).disableDiscovery();
            for (Extension e : ServiceLoader.load(Extension.class)) {
                if (!(e instanceof LuminaExtension)) {
                    weld.addExtension(e);
                }
            }
            weld.addExtension(new LuminaExtension(ConfigSources.over(properties)));
            // Jersey activates CDI's request context through this bean; with discovery off it is added by hand
            weld.addBeanClass(WeldRequestScope.class);
            classes.forEach(weld::addBeanClass);
            return weld;
        }

        private LuminaServer serve(WeldContainer container) {
            ResourceConfig app = new ResourceConfig();
            LuminaClasses.JAXRS.forEach(app::register);
            classes.stream()
                    .filter(c -> c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))
                    .forEach(app::register);
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"), app, false);
            try {
                http.start();
            } catch (IOException e) {
                http.shutdownNow();
                throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
            }
            NetworkListener listener = http.getListeners().iterator().next();
            return new LuminaServer(container, http, URI.create("http://" + host + ":" + listener.getPort() + "/"));
        }
    }
}
