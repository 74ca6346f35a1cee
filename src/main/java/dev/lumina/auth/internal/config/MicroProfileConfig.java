package dev.lumina.auth.internal.config;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** MicroProfile Config as a source, when the runtime has an implementation; nothing otherwise. */
final class MicroProfileConfig implements ConfigSource {
    private final Config config;

    private MicroProfileConfig(Config config) {
        this.config = config;
    }

    static ConfigSource ifAvailable() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, MicroProfileConfig.class.getClassLoader());
            return new MicroProfileConfig(ConfigProvider.getConfig());
        } catch (ClassNotFoundException | LinkageError | IllegalStateException | java.util.ServiceConfigurationError e) {
            return ConfigSources.of(java.util.Map.of()); // no MicroProfile Config here
        }
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return config.getOptionalValue(key, String.class).flatMap(ConfigSources::nonBlank);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Set<String> propertyNames() {
        Set<String> names = new HashSet<>();
        config.getPropertyNames().forEach(names::add);
        return names;
    }
}
