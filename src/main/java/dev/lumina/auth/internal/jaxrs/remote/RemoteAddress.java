package dev.lumina.auth.internal.jaxrs.remote;

import jakarta.ws.rs.container.ResourceContext;
import java.util.List;
import java.util.Optional;

/**
 * The peer address of the current request, which JAX-RS itself does not expose. Each runtime has its own
 * small piece: the servlet request on WildFly and Payara, Grizzly's request in the embedded runtime. Which
 * one applies is found out at run time: a piece whose types are missing, or whose injection fails or yields
 * nothing, is skipped, and the first that answers is kept for the following requests.
 */
public final class RemoteAddress {
    /** One runtime's way to the peer address. */
    interface Source {
        /** {@code true} when this source's types can be loaded here. */
        boolean available();

        /** The peer address of the request in the context; empty when this runtime cannot tell. */
        Optional<String> of(ResourceContext context);
    }

    private static final List<Source> SOURCES = List.of(new ServletSource(), new GrizzlySource());

    private volatile Source chosen;

    /** The peer (TCP) address of the current request, or empty when no runtime piece can tell it. */
    public Optional<String> of(ResourceContext context) {
        Source known = chosen;
        if (known != null) {
            return known.of(context);
        }
        for (Source s : SOURCES) {
            if (!s.available()) {
                continue;
            }
            Optional<String> address = s.of(context);
            if (address.isPresent()) {
                chosen = s;
                return address;
            }
        }
        return Optional.empty();
    }

    /** {@code true} when the class can be loaded here (a runtime's types exist), without initialising it. */
    public static boolean loadable(String className) {
        try {
            Class.forName(className, false, RemoteAddress.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
