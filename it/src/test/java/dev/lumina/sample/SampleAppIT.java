package dev.lumina.sample;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR on the server configured for Lumina, deployed once for all the tests of the interfaces it
 * implements (one server boot on Payara Micro). Run one group with e.g.
 * {@code -Dit.test='SampleAppIT#oidc*'}: the method names start with their group.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleAppIT implements OidcSignInTests, PasswordSignInTests, AccountLinkingTests, ScopeTests,
        RevocationTests, RevocationClusterTests, BackChannelLogoutTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    URL url;

    @Override
    public URI app() {
        return SampleDeployment.base(url);
    }
}
