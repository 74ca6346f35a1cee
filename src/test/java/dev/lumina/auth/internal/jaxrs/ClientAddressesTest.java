package dev.lumina.auth.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    @Test
    void theLastForwardedForEntryIsTheOneTheTrustedProxyAppended() {
        assertEquals(Optional.of("203.0.113.9"), ClientAddresses.lastForwardedFor(List.of("6.6.6.6, 203.0.113.9")));
        assertEquals(Optional.of("203.0.113.9"), ClientAddresses.lastForwardedFor(List.of("1.1.1.1", "7.7.7.7,203.0.113.9")));
        assertEquals(Optional.of("2001:db8::1"), ClientAddresses.lastForwardedFor(List.of("[2001:db8::1]")));
    }

    @Test
    void anythingButAnAddressIsIgnored() {
        for (String v : new String[] {"", "evil", "1.2.3.4, <script>", "1.2.3.4, admin\r\n", "unknown", "::::::::::::::::::::::::::::::::::::::::::::::::"}) {
            assertEquals(Optional.empty(), ClientAddresses.lastForwardedFor(List.of(v)), v);
        }
        assertEquals(Optional.empty(), ClientAddresses.lastForwardedFor(null));
    }
}
