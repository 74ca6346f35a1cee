package dev.lumina.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a claim value is a JSON value nested at most {@link #MAX_DEPTH} levels, and freezes it. The bound
 * keeps every reader of a session (the codec, {@code /auth/session}, JSON writers with limits of their own)
 * away from deep recursion, and a map that contains itself from an endless one (S68).
 */
final class JsonValues {
    /** Deepest nesting of lists and maps in a claim; real claims ({@code realm_access.roles}) use two or three. */
    static final int MAX_DEPTH = 32;

    private JsonValues() {
    }

    static Object check(String claim, Object value) {
        return check(claim, value, 0);
    }

    private static Object check(String claim, Object value, int depth) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            // one Java type per JSON number kind, so a claim equals itself after a trip through JSON
            Number n = (Number) value;
            return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal
                    ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if ((value instanceof Collection<?> || value instanceof Map<?, ?>) && depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("claim '" + claim + "' is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Collection<?>) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                copy.add(check(claim, item, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), check(claim, e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("claim '" + claim + "' holds a "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + "; use strings, numbers, booleans, lists or maps");
    }
}
