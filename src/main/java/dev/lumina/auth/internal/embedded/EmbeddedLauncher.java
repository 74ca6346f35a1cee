package dev.lumina.auth.internal.embedded;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.cdi.LuminaClasses;
import dev.lumina.auth.internal.cdi.LuminaExtension;
import dev.lumina.auth.internal.config.ConfigSources;
import dev.lumina.auth.internal.jaxrs.CurrentRequests;
import dev.lumina.auth.internal.jaxrs.current.JerseyRequests;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.weld.se.WeldRequestScope;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Starts {@link LuminaServer}: Weld SE first (Jersey's CDI integration looks it up), then Jersey on Grizzly. */
public final class EmbeddedLauncher implements LuminaServer.Launcher {
    /** Room for the largest chunked session and tokens cookies beside the other headers. */
    static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /**
     * Request threads. Grizzly's default is two per core, but a sign-in's callback waits on the provider on its
     * request thread (the token endpoint, at worst until its timeout): a few slow callbacks held every thread, and
     * signed-in requests queued behind them (SignInBenchmark load with think time: p99 69 ms with 4 threads, 24 ms
     * with 16 on two cores). More threads than that cost throughput once the cores are saturated.
     */
    static final int WORKER_THREADS = 8 * Runtime.getRuntime().availableProcessors();
    /** Jersey's CDI integration finds one CDI container per JVM: a second server would use the first one's beans. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    @Override
    public LuminaServer start(LuminaServer.Settings settings) {
        // CDI first: a deployment problem is reported as such, even while another server runs
        WeldContainer container = weld(settings).initialize();
        if (!RUNNING.compareAndSet(false, true)) {
            container.shutdown();
            throw new IllegalStateException("a LuminaServer is already running in this JVM; close it first "
                    + "(Jersey's CDI integration sees one CDI container per JVM: run other nodes in other JVMs)");
        }
        try {
            return serve(container, settings);
        } catch (RuntimeException | Error e) {
            container.shutdown();
            RUNNING.set(false);
            throw e;
        }
    }

    private static Weld weld(LuminaServer.Settings settings) {
        Weld weld = new Weld("lumina-" + UUID.randomUUID()).disableDiscovery();
        for (Extension e : ServiceLoader.load(Extension.class)) {
            if (!(e instanceof LuminaExtension)) {
                weld.addExtension(e);
            }
        }
        weld.addExtension(new LuminaExtension(ConfigSources.over(settings.properties())));
        // Jersey activates CDI's request context through this bean; with discovery off it is added by hand
        weld.addBeanClass(WeldRequestScope.class);
        settings.classes().forEach(weld::addBeanClass);
        return weld;
    }

    /**
     * Lumina's JAX-RS classes as a Jersey application over the given CDI container, with the piece by which a bean
     * made during a request finds that request here (servlet runtimes have their own way). Also the benchmarks'.
     */
    public static ResourceConfig application(Instance<Object> beans) {
        ResourceConfig app = new ResourceConfig();
        LuminaClasses.JAXRS.forEach(app::register);
        JerseyRequests jersey = new JerseyRequests();
        app.register(jersey);
        beans.select(CurrentRequests.class).get().useJersey(jersey);
        return app;
    }

    /** The request threads' pool ({@link #WORKER_THREADS}); also the benchmarks' plain server's, so only Lumina differs. */
    public static ThreadPoolConfig requestThreads() {
        return ThreadPoolConfig.defaultConfig().copy().setPoolName("grizzly-http-server")
                .setCorePoolSize(WORKER_THREADS).setMaxPoolSize(WORKER_THREADS);
    }

    private static LuminaServer serve(WeldContainer container, LuminaServer.Settings settings) {
        ResourceConfig app = application(container);
        settings.classes().stream()
                .filter(c -> c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))
                .forEach(app::register);
        URI requested = URI.create("http://" + settings.host() + ":" + settings.port() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(requested, app, false);
        // Grizzly's default (8 KB for all request headers) is below what chunked cookies may reach (web.CookieChunks)
        http.getListeners().forEach(l -> {
            l.setMaxHttpHeaderSize(MAX_REQUEST_HEADER_BYTES);
            l.getTransport().setWorkerThreadPoolConfig(requestThreads());
        });
        try {
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        NetworkListener listener = http.getListeners().iterator().next();
        return new RunningServer(container, http, URI.create("http://" + settings.host() + ":" + listener.getPort() + "/"),
                () -> RUNNING.set(false));
    }
}
