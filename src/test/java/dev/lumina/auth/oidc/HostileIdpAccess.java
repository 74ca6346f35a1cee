package dev.lumina.auth.oidc;

/** The hostile provider for tests outside this package: only its issuer and its lifecycle. */
public final class HostileIdpAccess implements AutoCloseable {
    private final HostileIdp idp = new HostileIdp();

    public String issuer() {
        return idp.issuer("t");
    }

    @Override
    public void close() {
        idp.close();
    }
}
