package dev.lumina.auth.internal.cdi;

import dev.lumina.auth.internal.flow.AuthEvents;
import dev.lumina.auth.internal.flow.BackChannelLogout;
import dev.lumina.auth.internal.flow.CredentialsCheck;
import dev.lumina.auth.internal.flow.CredentialsFlow;
import dev.lumina.auth.internal.flow.CsrfCheck;
import dev.lumina.auth.internal.flow.CurrentProviderTokens;
import dev.lumina.auth.internal.flow.OAuthFlow;
import dev.lumina.auth.internal.flow.PostChecks;
import dev.lumina.auth.internal.flow.ProviderFlows;
import dev.lumina.auth.internal.flow.ProviderSignOut;
import dev.lumina.auth.internal.flow.SignInCompletion;
import dev.lumina.auth.internal.flow.SignInReplies;
import dev.lumina.auth.internal.flow.SignOut;
import dev.lumina.auth.internal.jaxrs.AccessControlFeature;
import dev.lumina.auth.internal.jaxrs.AuthExceptionMapper;
import dev.lumina.auth.internal.jaxrs.AuthRequests;
import dev.lumina.auth.internal.jaxrs.BackChannelLogoutResource;
import dev.lumina.auth.internal.jaxrs.BasePathFilter;
import dev.lumina.auth.internal.jaxrs.CallbackResource;
import dev.lumina.auth.internal.jaxrs.ClientAddresses;
import dev.lumina.auth.internal.jaxrs.ClientScriptResource;
import dev.lumina.auth.internal.jaxrs.CsrfResource;
import dev.lumina.auth.internal.jaxrs.CurrentRequests;
import dev.lumina.auth.internal.jaxrs.Endpoints;
import dev.lumina.auth.internal.jaxrs.ErrorPageResource;
import dev.lumina.auth.internal.jaxrs.FlowDispatch;
import dev.lumina.auth.internal.jaxrs.ProvidersResource;
import dev.lumina.auth.internal.jaxrs.Replies;
import dev.lumina.auth.internal.jaxrs.SessionFilter;
import dev.lumina.auth.internal.jaxrs.SessionResource;
import dev.lumina.auth.internal.jaxrs.SignInOrigins;
import dev.lumina.auth.internal.jaxrs.SignInPageResource;
import dev.lumina.auth.internal.jaxrs.SignInResource;
import dev.lumina.auth.internal.jaxrs.SignOutResource;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.pages.Pages;
import dev.lumina.auth.internal.session.CurrentSession;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import java.util.List;

/**
 * The library's classes, in one list: the extension registers them as CDI beans (the application's bean
 * discovery is never relied on) and the embedded runtime registers the JAX-RS ones with Jersey. On WildFly
 * and Payara the JAX-RS runtime finds the resources and providers itself in {@code WEB-INF/lib}.
 */
public final class LuminaClasses {
    private LuminaClasses() {
    }

    /** JAX-RS resources and providers. */
    public static final List<Class<?>> JAXRS = List.of(
            BasePathFilter.class,
            SessionFilter.class,
            AccessControlFeature.class,
            AuthExceptionMapper.class,
            Endpoints.class);

    /** CDI beans besides the JAX-RS classes. */
    public static final List<Class<?>> BEANS = List.of(
            // the endpoints, handed out by the one root resource (Endpoints)
            SessionResource.class,
            CsrfResource.class,
            ProvidersResource.class,
            SignInPageResource.class,
            SignInResource.class,
            CallbackResource.class,
            SignOutResource.class,
            BackChannelLogoutResource.class,
            ErrorPageResource.class,
            ClientScriptResource.class,
            Producers.class,
            CurrentSession.class,
            JwtSessionCodec.class,
            // HTTP adapters' helpers
            AuthRequests.class,
            CurrentRequests.class,
            FlowDispatch.class,
            Replies.class,
            ClientAddresses.class,
            SignInOrigins.class,
            // the flow: one ProviderFlow per provider kind, found by ProviderFlows
            AuthEvents.class,
            CsrfCheck.class,
            PostChecks.class,
            ProviderFlows.class,
            OAuthFlow.class,
            OAuthProviders.class,
            CredentialsFlow.class,
            CredentialsCheck.class,
            SignInCompletion.class,
            SignInReplies.class,
            SignOut.class,
            ProviderSignOut.class,
            CurrentProviderTokens.class,
            BackChannelLogout.class,
            // built-in pages and client.js
            Pages.class);
}
