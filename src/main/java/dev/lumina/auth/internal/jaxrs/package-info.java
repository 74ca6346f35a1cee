/**
 * The HTTP adapters, the only internal code that knows JAX-RS: one thin resource per endpoint (read the
 * request with {@link dev.lumina.auth.internal.jaxrs.AuthRequests}, hand it to a flow step, answer through
 * {@link dev.lumina.auth.internal.jaxrs.Replies}), the filters that run on every request (base path, session,
 * access rules) and the exception mapper. {@code remote} finds the client's address on each runtime.
 */
package dev.lumina.auth.internal.jaxrs;
