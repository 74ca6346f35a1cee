package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.List;

/**
 * Enforces {@link Authenticated}, {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on
 * resource methods, the method's annotation winning over the class's. Done here rather than left to the
 * runtime because RESTEasy and Jersey each need their own switch for {@code @RolesAllowed}; this works
 * the same on both with no configuration.
 */
@Provider
public class AccessControlFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessFilter.Rule rule = rule(resource.getResourceMethod());
        if (rule == null && resource.getResourceClass() != null) {
            rule = rule(resource.getResourceClass());
        }
        if (rule != null) {
            context.register(new AccessFilter(rule), Priorities.AUTHORIZATION);
        }
    }

    private static AccessFilter.Rule rule(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return AccessFilter.Rule.denyAll();
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return AccessFilter.Rule.roles(List.of(roles.value()));
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return AccessFilter.Rule.permitAll();
        }
        if (element.isAnnotationPresent(Authenticated.class)) {
            return AccessFilter.Rule.authenticated();
        }
        return null;
    }
}
