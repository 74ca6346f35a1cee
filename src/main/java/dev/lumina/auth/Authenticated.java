package dev.lumina.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource class or method that needs a signed-in user. Without a session, an API client
 * gets {@code 401 {"error":"unauthenticated"}}; a browser navigation ({@code GET} with {@code Accept:
 * text/html}) is redirected to the sign-in page with the requested URL as {@code callbackUrl}.
 *
 * <pre>{@code
 * @GET @Path("/orders") @Authenticated
 * public List<Order> orders() { ... }
 * }</pre>
 *
 * {@code @RolesAllowed} works the same way, and adds a role check ({@code 403} when a role is missing).
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
