package dev.lumina.auth.internal.config;

import dev.lumina.auth.config.ConfigKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard sources and their order: MicroProfile Config (when the runtime has it), then system
 * properties, then environment variables. The first source with a value wins.
 */
public final class ConfigSources {
    private ConfigSources() {
    }

    /** The sources of a deployment. */
    public static ConfigSource standard() {
        return layered(List.of(MicroProfileConfig.ifAvailable(), systemProperties(), environment()));
    }

    /** {@code first} over the standard sources (the embedded runtime's own properties). */
    public static ConfigSource over(Map<String, String> first) {
        return layered(List.of(of(first), standard()));
    }

    public static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return nonBlank(copy.get(key));
            }

            @Override
            public Set<String> propertyNames() {
                return copy.keySet();
            }
        };
    }

    static ConfigSource systemProperties() {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return nonBlank(System.getProperty(key));
            }

            @Override
            public Set<String> propertyNames() {
                return System.getProperties().stringPropertyNames();
            }
        };
    }

    static ConfigSource environment() {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return nonBlank(System.getenv(ConfigKey.environmentVariable(key)));
            }

            @Override
            public Set<String> propertyNames() {
                return System.getenv().keySet();
            }
        };
    }

    static ConfigSource layered(List<ConfigSource> sources) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                for (ConfigSource s : sources) {
                    Optional<String> v = s.get(key);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                return Optional.empty();
            }

            @Override
            public Set<String> propertyNames() {
                Set<String> names = new LinkedHashSet<>();
                sources.forEach(s -> names.addAll(s.propertyNames()));
                return names;
            }
        };
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
