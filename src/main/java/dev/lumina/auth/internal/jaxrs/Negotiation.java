package dev.lumina.auth.internal.jaxrs;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Tells a browser navigation from a fetch/API client by what it accepts. */
public final class Negotiation {
    private Negotiation() {
    }

    /** {@code true} when the client asks for JSON and not for HTML (fetch clients, API calls). */
    public static boolean wantsJson(List<MediaType> accepted) {
        boolean json = false;
        for (MediaType t : accepted) {
            if (t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType()) {
                return false;
            }
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType()) {
                json = true;
            }
        }
        return json;
    }

    /** {@code true} for a browser page load: it accepts HTML explicitly. */
    public static boolean wantsHtml(List<MediaType> accepted) {
        for (MediaType t : accepted) {
            if (!t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
