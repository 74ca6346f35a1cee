package dev.lumina.auth.internal.session;

/**
 * Finds the signed-in part of the request being served, for {@link CurrentSession}, which is made only when
 * something asks for the session: a signed-in request that never does costs no request-scoped bean.
 */
public interface SignedInRequests {
    /** The request being served, when it is signed in; {@code null} when it is anonymous or cannot be told. */
    SignedInRequest current();

    /** {@code false} when this runtime cannot tell ({@link #current} is then always {@code null}): the filter tells instead. */
    boolean canTell();
}
