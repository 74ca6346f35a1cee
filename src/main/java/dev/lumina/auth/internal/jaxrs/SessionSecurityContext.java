package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.Session;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS security view of a session: principal = subject, roles from the session. */
final class SessionSecurityContext implements SecurityContext {
    static final String SCHEME = "LUMINA";

    private final Session session;
    private final boolean secure;
    private final Principal principal;

    SessionSecurityContext(Session session, boolean secure) {
        this.session = session;
        this.secure = secure;
        String subject = session.subject();
        this.principal = () -> subject;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return session.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}
