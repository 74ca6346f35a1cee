package dev.lumina.auth.internal.config;

import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.ProviderKey;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where property values come from. */
public interface ConfigSource {

    /** The value of a property (dotted name), if set and not blank. */
    Optional<String> get(String key);

    /** The names this source knows (dotted or environment style), to find the configured providers. */
    Set<String> propertyNames();

    /** Provider ids named by {@code lumina.auth.providers.<id>.<key>} or {@code LUMINA_AUTH_PROVIDERS_<ID>_<KEY>}. */
    default Set<String> providerIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : propertyNames()) {
            providerId(name).ifPresent(ids::add);
        }
        return ids;
    }

    Pattern DOTTED = Pattern.compile(Pattern.quote(ConfigKey.PROVIDERS_PREFIX) + "([A-Za-z0-9_-]+)\\.([a-z-]+)");
    String ENV_PREFIX = ConfigKey.environmentVariable(ConfigKey.PROVIDERS_PREFIX);

    static Optional<String> providerId(String name) {
        Matcher m = DOTTED.matcher(name);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        if (name.startsWith(ENV_PREFIX)) {
            String rest = name.substring(ENV_PREFIX.length());
            for (ProviderKey key : ProviderKey.values()) {
                String suffix = "_" + ConfigKey.environmentVariable(key.suffix());
                if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                    return Optional.of(rest.substring(0, rest.length() - suffix.length()).toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }
}
