package dev.lumina.auth.internal.jaxrs;

/**
 * Where Lumina's resources are bound. The public path is {@code lumina.auth.base-path} ({@code /auth} by
 * default), which only configuration knows; JAX-RS paths are fixed at compile time, so the resources live
 * under this internal root and {@link BasePathFilter} maps the public path onto it before matching.
 */
public final class Endpoints {
    /** The internal root of every Lumina resource; never reachable from outside under this name. */
    public static final String ROOT = "_lumina-auth";

    private Endpoints() {
    }
}
