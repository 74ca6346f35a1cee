package dev.lumina.auth;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link Session} of the current request. The injected value is never {@code null}: it is
 * {@link Session#anonymous()} when nobody is signed in.
 *
 * <pre>{@code
 * @Path("/me")
 * public class MeResource {
 *     @Inject @Current Session session;
 *     @GET @Authenticated public String me() { return session.email(); }
 * }
 * }</pre>
 *
 * Inject it into request-scoped beans (JAX-RS resources are); an application-scoped bean should inject
 * {@code @Current Instance<Session>} and call {@code get()} per request.
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
