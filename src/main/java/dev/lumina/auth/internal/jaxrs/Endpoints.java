package dev.lumina.auth.internal.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * The one root resource of Lumina's endpoints. The public path is {@code lumina.auth.base-path} ({@code /auth}
 * by default), which only configuration knows; JAX-RS paths are fixed at compile time, so the endpoints live
 * under this internal root and {@link BasePathFilter} maps the public path onto it before matching.
 * <p>
 * Each path hands over to the resource of its step (sub-resource locators). One root, not one per endpoint:
 * the runtime tries every root's pattern against every application request before its own resource, and
 * each try costs a regex matcher.
 */
@Path(Endpoints.ROOT)
@ApplicationScoped
public class Endpoints {
    /** The internal root of every Lumina resource; never reachable from outside under this name. */
    public static final String ROOT = "_lumina-auth";

    @Inject
    SessionResource session;
    @Inject
    CsrfResource csrf;
    @Inject
    ProvidersResource providers;
    @Inject
    SignInPageResource signInPage;
    @Inject
    SignInResource signIn;
    @Inject
    CallbackResource callback;
    @Inject
    SignOutResource signOut;
    @Inject
    BackChannelLogoutResource backChannelLogout;
    @Inject
    ErrorPageResource errorPage;
    @Inject
    ClientScriptResource clientScript;

    @Path("session")
    public SessionResource session() {
        return session;
    }

    @Path("csrf")
    public CsrfResource csrf() {
        return csrf;
    }

    @Path("providers")
    public ProvidersResource providers() {
        return providers;
    }

    @Path("signin")
    public SignInPageResource signInPage() {
        return signInPage;
    }

    @Path("signin/{provider}")
    public SignInResource signIn() {
        return signIn;
    }

    @Path("callback/{provider}")
    public CallbackResource callback() {
        return callback;
    }

    @Path("signout")
    public SignOutResource signOut() {
        return signOut;
    }

    @Path("backchannel-logout/{provider}")
    public BackChannelLogoutResource backChannelLogout() {
        return backChannelLogout;
    }

    @Path("error")
    public ErrorPageResource errorPage() {
        return errorPage;
    }

    @Path("client.js")
    public ClientScriptResource clientScript() {
        return clientScript;
    }
}
