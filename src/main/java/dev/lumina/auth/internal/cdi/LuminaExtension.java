package dev.lumina.auth.internal.cdi;

import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.config.ConfigLoader;
import dev.lumina.auth.internal.config.ConfigSource;
import dev.lumina.auth.internal.config.ConfigSources;
import dev.lumina.auth.internal.config.ConfigValidator;
import dev.lumina.auth.internal.flow.CredentialsCheck;
import dev.lumina.auth.internal.flow.Observers;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Activates Lumina in any CDI container, with no {@code beans.xml} edit nor line of application code:
 * registers the library's beans, provides the {@link AuthConfig} read from properties unless the
 * application produces its own, and fails the deployment when the configuration is unusable, listing
 * every problem with the key to set.
 */
public class LuminaExtension implements Extension {
    private static final LuminaLog LOG = LuminaLog.of(LuminaExtension.class);

    private final ConfigSource source;
    private boolean applicationConfig;
    private List<String> loadProblems = List.of();

    /** Used by the container (service loader): the standard configuration sources. */
    public LuminaExtension() {
        this(null);
    }

    /** With given configuration sources (the embedded runtime); {@code null} for the standard ones. */
    public LuminaExtension(ConfigSource source) {
        this.source = source;
    }

    void registerBeans(@Observes BeforeBeanDiscovery event, BeanManager bm) {
        Stream.concat(LuminaClasses.BEANS.stream(), LuminaClasses.JAXRS.stream())
                .forEach(type -> event.addAnnotatedType(bm.createAnnotatedType(type), "lumina:" + type.getName()));
    }

    /** An {@link AuthConfig} bean of the application's (not the one {@link #addConfig} adds). */
    void detectApplicationConfig(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(AuthConfig.class) && event.getBean().getBeanClass() != LuminaExtension.class) {
            applicationConfig = true;
        }
    }

    void addConfig(@Observes AfterBeanDiscovery event) {
        if (applicationConfig) {
            return;
        }
        ConfigLoader.Result loaded = ConfigLoader.load(source != null ? source : ConfigSources.standard());
        loadProblems = loaded.problems();
        AuthConfig config = loaded.config();
        event.addBean()
                .beanClass(LuminaExtension.class)
                .types(AuthConfig.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(ctx -> config);
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager bm) {
        List<String> problems = new ArrayList<>(loadProblems);
        AuthConfig config = null;
        try {
            config = bm.createInstance().select(AuthConfig.class).get();
            if (applicationConfig) {
                problems.addAll(ConfigValidator.problems(config));
            }
        } catch (RuntimeException e) {
            problems.add("the application's AuthConfig could not be created: " + LuminaLog.describe(e));
        }
        if (problems.isEmpty()) {
            openRevocationStore(bm, problems);
        }
        if (!problems.isEmpty()) {
            LOG.list(LogMessage.CONFIGURATION_INVALID, problems);
            event.addDeploymentProblem(new DeploymentException(LogMessage.CONFIGURATION_INVALID.code() + " "
                    + LogMessage.CONFIGURATION_INVALID.text() + LuminaLog.bulleted(problems)));
            return;
        }
        LOG.log(LogMessage.ACTIVE, config.providers().stream()
                .map(ProviderConfig::id).collect(Collectors.joining(", ", "[", "]")), config.basePath());
        warnWithoutCredentialsObserver(config, bm);
        warnWithoutProfileObserver(config, bm);
    }

    /** At deployment, not at the first request: a JCache store that cannot be opened fails the deployment. */
    private static void openRevocationStore(BeanManager bm, List<String> problems) {
        try {
            bm.createInstance().select(SessionRevocations.class).get().revokedBy(Session.anonymous());
        } catch (RuntimeException | LinkageError e) {
            problems.add("the revocation store (" + ConfigKey.REVOCATION_STORE.key() + ") could not be opened: "
                    + LuminaLog.describe(e));
        }
    }

    /**
     * No synchronous ProfileReceived observer: every sign-in gets the default session. Legitimate for a
     * small application, but an {@code @ObservesAsync} one can never decide, so say it at deployment.
     */
    private static void warnWithoutProfileObserver(AuthConfig config, BeanManager bm) {
        if (config.providers().isEmpty()) {
            return;
        }
        if (!Observers.hasSynchronous(bm, new ProfileReceived(Profile.of("probe", "probe", null, null)))) {
            LOG.log(LogMessage.NO_PROFILE_OBSERVER);
        }
    }

    /** A credentials provider with nobody to check its fields refuses every sign-in: say so at deployment. */
    private static void warnWithoutCredentialsObserver(AuthConfig config, BeanManager bm) {
        List<String> credentials = config.providers().stream().filter(p -> p.type() == ProviderType.CREDENTIALS)
                .map(ProviderConfig::id).toList();
        if (!credentials.isEmpty() && !CredentialsCheck.hasSynchronousObserver(bm)) {
            LOG.log(LogMessage.NO_CREDENTIALS_OBSERVER, credentials);
        }
    }
}
