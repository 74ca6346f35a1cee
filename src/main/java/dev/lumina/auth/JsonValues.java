package dev.lumina.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that a claim value is a JSON value, and freezes it. */
final class JsonValues {
    private JsonValues() {
    }

    static Object check(String claim, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            // one Java type per JSON number kind, so a claim equals itself after a trip through JSON
            Number n = (Number) value;
            return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal
                    ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if (value instanceof Collection<?>) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                copy.add(check(claim, item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), check(claim, e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("claim '" + claim + "' holds a "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + "; use strings, numbers, booleans, lists or maps");
    }
}
