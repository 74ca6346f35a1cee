package dev.lumina.auth.internal.flow;

/**
 * Where a sign-in goes, decided and validated at step (1) before it starts.
 *
 * @param callbackUrl where the browser goes after success
 * @param errorUrl    where the browser goes after a failure
 */
public record Targets(String callbackUrl, String errorUrl) {
}
