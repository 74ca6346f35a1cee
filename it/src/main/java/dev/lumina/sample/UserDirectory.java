package dev.lumina.sample;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.lumina.auth.Profile;

/**
 * The sample's account rules, on the server's default datasource. Identity is provider + subject:
 * <ol>
 * <li>a known account (provider + subject): the returning user; the profile refreshes name, picture, and the
 *     email when the provider vouches for the new one;</li>
 * <li>an unknown account whose verified email belongs to a user: the account is linked to that user;</li>
 * <li>an unknown account whose email belongs to a user but is not verified: refused
 *     ({@value #EMAIL_NOT_VERIFIED}), since anyone can claim an address at a provider that does not check it;</li>
 * <li>otherwise a new user with this one account.</li>
 * </ol>
 */
@ApplicationScoped
@Transactional
public class UserDirectory {

    /** The reason given when an unverified email matches an existing user. */
    public static final String EMAIL_NOT_VERIFIED = "email_not_verified";

    /** The outcome of a sign-in: the user, or the reason it was refused. */
    public record SignIn(User user, String refusal, boolean created, boolean linked) {
        static SignIn of(User user, boolean created, boolean linked) {
            return new SignIn(user, null, created, linked);
        }

        static SignIn refused(String reason) {
            return new SignIn(null, reason, false, false);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    public SignIn signIn(Profile profile) {
        String email = Emails.normalize(profile.email());
        Optional<Account> known = account(profile.provider(), profile.subject());
        if (known.isPresent()) {
            Account account = known.get();
            User user = account.user();
            refresh(user, profile, email);
            account.seen(email, profile.emailVerified());
            return SignIn.of(user, false, false);
        }
        Optional<User> sameEmail = email == null ? Optional.empty() : byEmail(email);
        if (sameEmail.isPresent()) {
            if (!profile.emailVerified()) {
                return SignIn.refused(EMAIL_NOT_VERIFIED);
            }
            User user = sameEmail.get();
            Account account = Account.link(user, profile.provider(), profile.subject());
            account.seen(email, true);
            em.persist(account);
            refresh(user, profile, email);
            return SignIn.of(user, false, true);
        }
        // a new user; an unverified email is kept as a contact detail, but never links anything later
        User user = User.create(email, profile.name(), Set.of("user"));
        user.picture(profile.picture());
        em.persist(user);
        Account account = Account.link(user, profile.provider(), profile.subject());
        account.seen(email, profile.emailVerified());
        em.persist(account);
        return SignIn.of(user, true, false);
    }

    /** The user with these credentials; the same empty answer for an unknown email and a wrong password. */
    public Optional<User> check(String email, String password) {
        Optional<User> user = Emails.normalize(email) == null ? Optional.empty() : byEmail(Emails.normalize(email));
        String hash = user.map(User::passwordHash).orElse(Passwords.decoy());
        boolean matches = Passwords.matches(password, hash);
        return user.filter(u -> matches && u.passwordHash() != null);
    }

    /** A user who signs in with email and password (provider {@code credentials}, subject = user id). */
    public User register(String email, String name, String password, Set<String> roles) {
        Optional<User> existing = byEmail(Emails.normalize(email));
        if (existing.isPresent()) {
            return existing.get();
        }
        User user = User.create(email, name, roles);
        user.passwordHash(Passwords.hash(password));
        em.persist(user);
        Account account = Account.link(user, SampleProviders.CREDENTIALS, user.id());
        account.seen(email, true);
        em.persist(account);
        return user;
    }

    public Optional<User> find(String id) {
        return Optional.ofNullable(id).map(i -> em.find(User.class, i));
    }

    public List<Account> accounts(String userId) {
        return em.createQuery("select a from Account a where a.user.id = :id order by a.provider", Account.class)
                .setParameter("id", userId)
                .getResultList();
    }

    private void refresh(User user, Profile profile, String email) {
        if (profile.name() != null && !profile.name().isBlank()) {
            user.name(profile.name());
        }
        if (profile.picture() != null) {
            user.picture(profile.picture());
        }
        // the email moves only when the provider vouches for the new one and nobody else has it
        if (email != null && profile.emailVerified() && !email.equals(user.email())
                && byEmail(email).isEmpty()) {
            user.email(email);
        }
    }

    private Optional<Account> account(String provider, String subject) {
        return em.createQuery("select a from Account a where a.provider = :p and a.subject = :s", Account.class)
                .setParameter("p", provider)
                .setParameter("s", subject)
                .getResultStream()
                .findFirst();
    }

    private Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where u.email = :e", User.class)
                .setParameter("e", email)
                .getResultStream()
                .findFirst();
    }
}
