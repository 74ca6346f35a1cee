/**
 * The request being served, as a CDI bean finds it. JAX-RS hands the request to resources and filters only,
 * so each runtime has its own small piece: CDI's built-in {@code HttpServletRequest} on servlet runtimes
 * (WildFly, Payara; JAX-RS request properties are servlet request attributes there), Jersey's injection
 * manager in the embedded runtime. Each answers only for a request its runtime is serving, never for another.
 */
package dev.lumina.auth.internal.jaxrs.current;
