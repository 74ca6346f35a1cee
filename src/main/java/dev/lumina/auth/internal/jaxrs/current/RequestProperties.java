package dev.lumina.auth.internal.jaxrs.current;

/** The properties of the JAX-RS request being served on this thread, read by one runtime's own means. */
public interface RequestProperties {
    /** The property's value; {@code null} when unset, or when no request of this runtime is being served here. */
    Object get(String name);
}
