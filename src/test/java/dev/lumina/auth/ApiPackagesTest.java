package dev.lumina.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API packages (dev.lumina.auth, .config, .provider, .spi) never import internal classes. */
class ApiPackagesTest {
    static final Path ROOT = Path.of("src/main/java/dev/lumina/auth");

    @Test
    void apiPackagesDoNotImportInternal() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.of(ROOT, ROOT.resolve("config"), ROOT.resolve("provider"), ROOT.resolve("spi"))
                .filter(Files::isDirectory).flatMap(ApiPackagesTest::javaFiles)) {
            offenders = files.filter(ApiPackagesTest::importsInternal).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.list(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean importsInternal(Path file) {
        try {
            return Files.readString(file).contains("dev.lumina.auth.internal");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
