package io.hounsfield.ohif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are found inside the installation only, never beside or above it. */
class OhifInstallationTest {

    @TempDir
    Path dir;

    @Test
    void aPathLeadingOutsideTheInstallationFindsNoFile() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ohif/assets"));
        Files.writeString(dir.resolve("secret.txt"), "no");
        Files.writeString(dir.resolve("ohif-other.txt"), "no");
        Files.writeString(root.resolve("logo.svg"), "<svg/>");
        OhifInstallation installation = new OhifInstallation(new OhifProperties(dir.resolve("ohif")), null);

        assertThat(installation.file("assets/logo.svg")).hasValue(root.resolve("logo.svg").toAbsolutePath());
        assertThat(installation.file("assets/../assets/logo.svg")).isPresent();
        assertThat(installation.file("../secret.txt")).isEmpty();
        assertThat(installation.file("assets/../../secret.txt")).isEmpty();
        assertThat(installation.file("../ohif-other.txt")).isEmpty();
        assertThat(installation.file(dir.resolve("secret.txt").toString())).isEmpty();
        assertThat(installation.file("assets")).isEmpty();
        assertThat(installation.file("")).isEmpty();
        assertThat(installation.file("assets\\..\\..\\secret.txt")).isEmpty();
        assertThat(installation.installed()).isFalse();
    }
}
