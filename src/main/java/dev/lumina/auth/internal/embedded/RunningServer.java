package dev.lumina.auth.internal.embedded;

import dev.lumina.auth.embedded.LuminaServer;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.jboss.weld.environment.se.WeldContainer;

/** A started {@link LuminaServer}: Grizzly in front of a Weld container. */
final class RunningServer implements LuminaServer {
    private final WeldContainer weld;
    private final HttpServer http;
    private final URI uri;
    private final Runnable onClose;

    RunningServer(WeldContainer weld, HttpServer http, URI uri, Runnable onClose) {
        this.weld = weld;
        this.http = http;
        this.uri = uri;
        this.onClose = onClose;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Instance<Object> beans() {
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
                onClose.run();
            }
        }
    }

    @Override
    public String toString() {
        return "LuminaServer[" + uri + "]";
    }
}
