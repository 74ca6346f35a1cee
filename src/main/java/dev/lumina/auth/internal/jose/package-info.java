/**
 * What Lumina says about jose4j's verdicts on a JWT, shared by the checks of its own tokens
 * ({@code internal.session}) and of providers' ID tokens ({@code internal.oauth}): one place names the
 * failures, so that a log line or an error message means the same thing whoever checked the token.
 */
package dev.lumina.auth.internal.jose;
