package dev.lumina.auth.internal.flow;

import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.SetCookie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parallel sign-ins in one browser: each flow has a cookie of its own, named after its {@code state}
 * ({@link CookieNames#flow}), so a sign-in started in a second tab leaves the first one's cookie alone and each
 * callback finds its own by the {@code state} it receives. At most {@link #MAX_FLOWS} flows per browser: when a
 * new one starts, the oldest beyond the bound are cleared (their start time is sealed inside each cookie, so the
 * request's own cookies say which are oldest), and so are flow cookies that no longer open (expired, tampered).
 * Nothing is kept on the server.
 */
public final class FlowCookies {
    /** Sign-ins in progress per browser; a fourth start drops the oldest. */
    public static final int MAX_FLOWS = 3;

    private final FlowSeal seal;

    public FlowCookies(FlowSeal seal) {
        this.seal = seal;
    }

    private record Open(String name, long startedAt) {
    }

    /**
     * (2) The {@code Set-Cookie} headers of a new flow: the cookies of the request's flows that no longer count
     * cleared (expired or unreadable ones, and the oldest beyond the bound), then the new flow's cookie.
     *
     * @param state  the new flow's {@code state}
     * @param sealed its sealed {@link FlowState} ({@link FlowSeal#seal})
     */
    public List<String> start(AuthRequest request, String state, String sealed) {
        boolean secure = request.facts().secure();
        List<String> headers = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        for (Map.Entry<String, String> c : request.cookies().entrySet()) {
            if (!CookieNames.isFlow(c.getKey(), secure)) {
                continue;
            }
            OptionalLong started = seal.startedAt(c.getValue());
            if (started.isPresent()) {
                open.add(new Open(c.getKey(), started.getAsLong()));
            } else {
                headers.add(SetCookie.clear(c.getKey(), secure, "/"));
            }
        }
        open.sort(Comparator.comparingLong(Open::startedAt).thenComparing(Open::name));
        for (int i = 0; i < open.size() - (MAX_FLOWS - 1); i++) {
            headers.add(SetCookie.clear(open.get(i).name(), secure, "/"));
        }
        headers.add(SetCookie.named(CookieNames.flow(state, secure), CookieNames.FLOW.baseName(), sealed, seal.maxAge(),
                secure, "/"));
        return headers;
    }

    /**
     * (5) The name of the flow cookie a callback's {@code state} leads to; empty when the callback has no usable
     * {@code state} (absent, empty, repeated or overlong: the callback then fails on it anyway).
     */
    public static Optional<String> nameFor(AuthRequest request, Map<String, List<String>> params) {
        List<String> values = params.get("state");
        if (values == null || values.size() != 1 || values.get(0) == null || values.get(0).isEmpty()
                || values.get(0).length() > OAuthCallback.MAX_PARAMETER_CHARS) {
            return Optional.empty();
        }
        return Optional.of(CookieNames.flow(values.get(0), request.facts().secure()));
    }

    /** The header that clears one flow's cookie, and only that one. */
    public static String clear(String name, boolean secure) {
        return SetCookie.clear(name, secure, "/");
    }
}
