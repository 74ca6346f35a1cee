package dev.lumina.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, enforced: what applications compile against never reaches into the internals, no
 * package depends on itself through others, the internals form layers from the wiring down to the log, and
 * the flow knows nothing of JAX-RS.
 */
class ArchitectureTest {
    static final String[] API = {"dev.lumina.auth", "dev.lumina.auth.config", "dev.lumina.auth.provider",
            "dev.lumina.auth.spi", "dev.lumina.auth.embedded"};
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lumina.auth");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void apiPackagesNeverDependOnInternals() {
        noClasses().that().resideInAnyPackage(API)
                .should().dependOnClassesThat().resideInAPackage("dev.lumina.auth.internal..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.lumina.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internalsAreLayeredFromWiringDownToLog() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy("dev.lumina.auth.internal.cdi..", "dev.lumina.auth.internal.embedded..")
                .layer("HTTP").definedBy("dev.lumina.auth.internal.jaxrs..")
                .layer("Pages").definedBy("dev.lumina.auth.internal.pages..")
                .layer("Flow").definedBy("dev.lumina.auth.internal.flow..")
                .layer("Web").definedBy("dev.lumina.auth.internal.web..")
                .layer("Providers").definedBy("dev.lumina.auth.internal.oauth..")
                .layer("Revocation").definedBy("dev.lumina.auth.internal.revocation..")
                .layer("Session").definedBy("dev.lumina.auth.internal.session..")
                .layer("JOSE").definedBy("dev.lumina.auth.internal.jose..")
                .layer("Config").definedBy("dev.lumina.auth.internal.config..")
                .layer("Log").definedBy("dev.lumina.auth.internal.log..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("HTTP").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Pages").mayOnlyBeAccessedByLayers("Wiring", "HTTP")
                .whereLayer("Flow").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages")
                .whereLayer("Web").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow")
                .whereLayer("Providers").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow", "Web")
                .whereLayer("Revocation").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow", "Web", "Providers")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow", "Web", "Providers", "Revocation")
                .whereLayer("JOSE").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow", "Web", "Providers", "Revocation", "Session")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Wiring", "HTTP", "Pages", "Flow", "Web", "Providers", "Revocation", "Session", "JOSE")
                .check(MAIN);
    }

    @Test
    void onlyTheHttpAdaptersAndTheWiringKnowJaxRs() {
        noClasses().that().resideInAnyPackage("dev.lumina.auth.internal.flow..", "dev.lumina.auth.internal.web..",
                        "dev.lumina.auth.internal.oauth..", "dev.lumina.auth.internal.session..",
                        "dev.lumina.auth.internal.config..", "dev.lumina.auth.internal.pages..", "dev.lumina.auth.internal.jose..",
                        "dev.lumina.auth.internal.log..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(MAIN);
    }

    /**
     * DESIGN.md section 5, "nothing on the request path calls the network": the filters every request passes
     * through, what they use to read a session, and how a bean finds the request's session (CurrentRequests and the
     * runtime pieces of internal.jaxrs.current) reach no HTTP client and no provider code.
     */
    @Test
    void theRequestPathNeverReachesTheNetwork() {
        noClasses().that().haveSimpleName("SessionFilter").or().haveSimpleName("BasePathFilter")
                .or().haveSimpleName("AccessFilter").or().haveSimpleName("AccessControlFeature")
                .or().haveSimpleName("CurrentRequests")
                .or().resideInAnyPackage("dev.lumina.auth.internal.session..", "dev.lumina.auth.internal.web..",
                        "dev.lumina.auth.internal.revocation..", "dev.lumina.auth.internal.jaxrs.current..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "dev.lumina.auth.internal.oauth..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .check(MAIN);
    }

    /**
     * Every {@code Json.createReader}, {@code createObjectBuilder}... looks the JSON-P provider up with a ServiceLoader
     * (it was 15 % of a sign-in's CPU): readers and builders come from factories made once.
     */
    @Test
    void jsonIsReadAndWrittenThroughFactoriesMadeOnce() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                        "a per-call factory method of jakarta.json.Json",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(jakarta.json.Json.class)
                                && !call.getName().endsWith("Factory")))
                .check(MAIN);
    }

    /** DESIGN.md section 5, "log lines carry ids": only the catalogue's writer logs. */
    @Test
    void onlyTheLogCatalogueWritesLogLines() {
        noClasses().that().resideOutsideOfPackage("dev.lumina.auth.internal.log..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..", "org.jboss.logging..")
                .check(MAIN);
    }

    @Test
    void thePublicApiExposesNoWeldNorJerseyType() {
        noClasses().that().resideInAnyPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage("org.jboss.weld..", "org.glassfish..", "org.jose4j..",
                        "io.smallrye..")
                .check(MAIN);
    }

    @Test
    void publicApiTypesAreFinalRecordsEnumsOrInterfaces() {
        classes().that().resideInAnyPackage(API).and().arePublic().and().areTopLevelClasses()
                .and().areNotAnnotations()
                .should().haveModifier(JavaModifier.FINAL).orShould().beInterfaces().orShould().beEnums()
                .orShould().beRecords()
                .check(MAIN);
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                    missing.add(SOURCES.relativize(dir).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void noSourceFileIsOverThreeHundredLines() throws IOException {
        List<String> long_ = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(f).size();
                checked++;
                if (lines > 300) {
                    long_.add(SOURCES.relativize(f) + " (" + lines + ")");
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " sources found: is the path right?");
        assertEquals(List.of(), long_, "classes over 300 lines: split them by what they do");
    }
}
