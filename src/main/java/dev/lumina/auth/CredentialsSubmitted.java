package dev.lumina.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fired when someone submits the form of a credentials provider ({@code type=credentials}). The observer
 * checks the fields with the application's own code and either {@linkplain #accept(Profile) accepts} with
 * a {@link Profile} or {@linkplain #reject() refuses}. Unknown user and wrong password must both be a plain
 * {@code reject()}: the browser gets the same {@code credentials_invalid} answer for both.
 *
 * <pre>{@code
 * void onCredentials(@Observes CredentialsSubmitted event) {
 *     users.check(event.field("email"), event.field("password"))
 *          .ifPresentOrElse(u -> event.accept(Profile.of("credentials", u.id(), u.email(), u.name())),
 *                           event::reject);
 * }
 * }</pre>
 *
 * Fields are single, bounded strings (the library refuses repeated and oversized fields before this
 * event). {@link #clientAddress()} is the caller's address (from forwarded headers only when they are
 * trusted), for throttling. {@link #toString()} never shows field values.
 */
public final class CredentialsSubmitted {
    private final String provider;
    private final Map<String, String> fields;
    private final String clientAddress;
    private Profile accepted;
    private boolean rejected;

    public CredentialsSubmitted(String provider, Map<String, String> fields, String clientAddress) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.fields = Map.copyOf(fields);
        this.clientAddress = clientAddress;
    }

    public String provider() {
        return provider;
    }

    /** The submitted value of a field, or {@code null}. */
    public String field(String name) {
        return fields.get(name);
    }

    public Set<String> fieldNames() {
        return fields.keySet();
    }

    public String clientAddress() {
        return clientAddress;
    }

    public void accept(Profile profile) {
        this.accepted = Objects.requireNonNull(profile, "profile");
        this.rejected = false;
    }

    public void reject() {
        this.rejected = true;
        this.accepted = null;
    }

    public Optional<Profile> profile() {
        return Optional.ofNullable(accepted);
    }

    public boolean isRejected() {
        return rejected;
    }

    @Override
    public String toString() {
        return "CredentialsSubmitted[provider=" + provider + ", fields=" + fields.keySet()
                + ", clientAddress=" + clientAddress + "]";
    }
}
