package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The access rule of one resource method. Anonymous: {@code 401 {"error":"unauthenticated"}} for API
 * clients, a redirect to the sign-in page (with the requested URL as {@code callbackUrl}) for browser
 * navigations. Signed in without the role: {@code 403 {"error":"forbidden"}}.
 */
final class AccessFilter implements ContainerRequestFilter {

    /** Who may call: nobody, anybody, anybody signed in, or holders of one of the roles. */
    record Rule(boolean deny, boolean needsSession, List<String> anyOfRoles) {
        static Rule denyAll() {
            return new Rule(true, false, List.of());
        }

        static Rule permitAll() {
            return new Rule(false, false, List.of());
        }

        static Rule authenticated() {
            return new Rule(false, true, List.of());
        }

        static Rule roles(List<String> roles) {
            return new Rule(false, true, List.copyOf(roles));
        }
    }

    private final Rule rule;

    AccessFilter(Rule rule) {
        this.rule = rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (rule.deny()) {
            request.abortWith(JsonBodies.error(AuthError.FORBIDDEN));
            return;
        }
        if (!rule.needsSession()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(unauthenticated(request));
            return;
        }
        if (!rule.anyOfRoles().isEmpty() && rule.anyOfRoles().stream().noneMatch(security::isUserInRole)) {
            request.abortWith(JsonBodies.error(AuthError.FORBIDDEN));
        }
    }

    private static Response unauthenticated(ContainerRequestContext request) {
        boolean navigation = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        RequestFacts facts = SessionFilter.facts(request);
        if (navigation && facts != null && Negotiation.wantsHtml(request.getAcceptableMediaTypes())) {
            URI requested = request.getUriInfo().getRequestUri();
            String callback = RequestFacts.withQuery(requested.getRawPath(), requested.getRawQuery());
            String page = facts.signInPage(Optional.ofNullable((String) request.getProperty(SessionFilter.OWN_SIGN_IN_PAGE)));
            String location = RequestFacts.withParameter(page, "callbackUrl", callback);
            return Response.seeOther(facts.location(location)).header("Cache-Control", "no-store").build();
        }
        return JsonBodies.error(AuthError.UNAUTHENTICATED);
    }
}
