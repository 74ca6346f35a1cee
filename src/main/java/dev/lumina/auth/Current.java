package dev.lumina.auth;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link Session} of the current request. The injected value is never {@code null}: it is
 * anonymous ({@link Session#isAuthenticated()} false) when nobody is signed in. It is a request-scoped
 * proxy, right in every bean whatever its scope: an {@code @ApplicationScoped} service that injects it sees
 * the user of each request it serves.
 *
 * <pre>{@code
 * @Path("/me")
 * public class MeResource {
 *     @Inject @Current Session session;
 *     @GET @Authenticated public String me() { return session.email(); }
 * }
 * }</pre>
 *
 * Keep {@link Session#snapshot()} (not the proxy) to store a session beyond its request. Outside a request
 * the proxy throws CDI's {@code ContextNotActiveException}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface Current {

    /** Literal for programmatic lookup: {@code CDI.current().select(Session.class, Current.Literal.INSTANCE)}. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Current> implements Current {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
