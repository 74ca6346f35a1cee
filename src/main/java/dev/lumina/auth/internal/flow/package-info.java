/**
 * The sign-in flow of DESIGN.md section 2, one class per step and none of them tied to an HTTP runtime:
 * (1) {@link dev.lumina.auth.internal.flow.PostChecks} (CSRF, target URLs);
 * (2) {@link dev.lumina.auth.internal.flow.OAuthSignIn} sealed by {@link dev.lumina.auth.internal.flow.FlowSeal};
 * (5) {@link dev.lumina.auth.internal.flow.OAuthCallback}; (6)-(7) are the providers' own, in
 * {@code internal.oauth}; the credentials kind's (C1)-(C2) {@link dev.lumina.auth.internal.flow.CredentialsCheck};
 * (8) {@link dev.lumina.auth.internal.flow.SignInCompletion}; (9) and every failure
 * {@link dev.lumina.auth.internal.flow.SignInReplies}. {@link dev.lumina.auth.internal.flow.OAuthFlow} and
 * {@link dev.lumina.auth.internal.flow.CredentialsFlow} run the steps of their kind;
 * {@link dev.lumina.auth.internal.flow.SignOut} ends a session. The events are fired here too.
 */
package dev.lumina.auth.internal.flow;
