/**
 * OAuth 2.0 and OpenID Connect protocol pieces, free of JAX-RS: PKCE, outbound HTTP with limits,
 * discovery and JWKS caches, the ID token checks of OIDC Core 3.1.3.7, the token and userinfo clients, and
 * one {@link dev.lumina.auth.internal.oauth.OAuthProvider} per provider kind (OIDC, GitHub). Code comments
 * cite the flow steps of DESIGN.md section 2, e.g. "(6)".
 */
package dev.lumina.auth.internal.oauth;
