package dev.lumina.auth.internal.oauth;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values as plain Java values (String, Long/Double, Boolean, List, Map, null) for profile claims. */
final class JsonMaps {
    private JsonMaps() {
    }

    static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        o.forEach((k, v) -> m.put(k, toJava(v)));
        return m;
    }

    static Object toJava(JsonValue v) {
        switch (v.getValueType()) {
            case STRING: return ((JsonString) v).getString();
            case NUMBER: {
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case OBJECT: return toMap((JsonObject) v);
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonValue x : (JsonArray) v) {
                    l.add(toJava(x));
                }
                return l;
            }
            default: return null;
        }
    }
}
