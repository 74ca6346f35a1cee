package dev.lumina.auth.bench;

import dev.lumina.auth.Session;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.embedded.EmbeddedLauncher;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.config.AuthConfig;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URI;
import java.util.ServiceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.weld.se.WeldRequestScope;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The two servers {@code bin/bench-http} drives with wrk: {@code lumina PORT COOKIEFILE} (the embedded runtime
 * with {@link HelloResource}; a valid session cookie for it is written to COOKIEFILE) and {@code plain PORT}
 * (Jersey + Weld SE + Grizzly with the same resource, without Lumina). Each runs until killed.
 */
public final class HttpServers {
    static final String SECRET = "bench-secret-0123456789-0123456789-0123456789";

    private HttpServers() {
    }

    /**
     * A CDI container with {@link HelloResource} and Jersey's CDI integration, as the embedded runtime has it, but
     * none of Lumina's extensions.
     */
    static Weld withoutLumina(Weld weld) {
        weld.disableDiscovery().addBeanClass(WeldRequestScope.class).addBeanClass(HelloResource.class);
        for (Extension e : ServiceLoader.load(Extension.class)) {
            if (!e.getClass().getName().startsWith("dev.lumina.")) {
                weld.addExtension(e);
            }
        }
        return weld;
    }

    /** A valid session token (~400 characters, HS256) under {@link #SECRET}: the cookie both HTTP benchmarks send. */
    static String sessionToken() {
        AuthConfig config = AuthConfig.builder().secrets(SECRET).build();
        JwtSessionCodec codec = new JwtSessionCodec(new JoseTokens(KeyRing.of(config.secrets()), Duration.ofSeconds(60)), false);
        return codec.encode(new SessionIssuer(config, Clock.systemUTC()).issue(Session.builder().subject("user-42")
                .email("user-42@example.com").name("User Forty-Two").roles("user").build()));
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        if (args[0].equals("plain")) {
            WeldContainer weld = withoutLumina(new Weld("plain")).initialize();
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                    new ResourceConfig(HelloResource.class), false);
            // the embedded runtime's request pool, so that only Lumina's work differs
            http.getListeners().forEach(l -> l.getTransport().setWorkerThreadPoolConfig(EmbeddedLauncher.requestThreads()));
            http.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                http.shutdownNow();
                weld.shutdown();
            }));
        } else {
            LuminaServer server = LuminaServer.builder().port(port).property("lumina.auth.secret", SECRET)
                    .classes(HelloResource.class).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            Files.writeString(Path.of(args[2]), sessionToken());
        }
        System.out.println("ready on " + port);
        Thread.currentThread().join();
    }
}
