package org.selfdata.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The container image {@code -Pimage} builds, read from its tar as a runtime would load it: what it starts, as whom,
 * on which port and folder, and what its layers hold (and never hold). Skipped unless that profile built it; CI does.
 */
class ImageTest {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(\\.key|master\\.key.*|vault\\.db.*|settings\\.xml|settings-security\\.xml|\\.npmrc|\\.netrc"
                    + "|id_rsa.*|id_ed25519.*|\\.pem|\\.p12|\\.pfx|\\.env|\\.git-credentials|\\.pgpass)");

    private static ImageTar image;

    @BeforeAll
    static void readTheImage() throws IOException {
        image = ImageTar.read(ImageTar.built());
    }

    @Test
    void theManifestNamesTheImageItsConfigurationAndEveryLayerTheTarHolds() {
        assertThat(ImageTar.strings(image.manifest().get("RepoTags"))).containsExactly("selfdata:latest");
        assertThat(image.layers()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(image.layers().values()).allSatisfy(entries -> assertThat(entries).isNotEmpty());
    }

    @Test
    void itStartsTheServerWithTheRuntimeItCarriesOnAllAddressesOnPort8080() {
        List<String> entrypoint = ImageTar.strings(image.config().get("Entrypoint"));

        assertThat(entrypoint.getFirst()).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file", "org.selfdata.cli.Selfdata")
                .contains("--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true");
        assertThat(entrypoint.getLast()).isEqualTo("org.selfdata.cli.Selfdata");
        assertThat(ImageTar.strings(image.config().get("Cmd"))).containsExactly("serve", "--host", "0.0.0.0", "--port", "8080");
        assertThat(image.config().get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
    }

    @Test
    void itRunsAsAUserOtherThanRootWhomTheImageNames() {
        String[] user = image.config().get("User").asString().split(":");

        assertThat(Integer.parseInt(user[0])).isEqualTo(65532);
        assertThat(image.entry("etc/passwd").orElseThrow().text().orElseThrow().lines())
                .contains("selfdata:x:65532:" + user[1] + ":selfdata:/data:/sbin/nologin");
    }

    @Test
    void itKeepsItsVaultInTheDataVolumeAndReadsItsKeyFromASecret() {
        assertThat(image.config().get("WorkingDir").asString()).isEqualTo("/data");
        assertThat(image.config().get("Volumes").propertyNames()).containsExactly("/data");
        assertThat(image.environment())
                .containsEntry("SELFDATA_HOME", "/data/vault")
                .containsEntry("SELFDATA_KEY_FILE", "/run/secrets/selfdata-key");
    }

    @Test
    void theDataAndTemporaryFoldersAreEmptyAndWritableByTheUsersGroupAlone() {
        String group = image.config().get("User").asString().split(":")[1];
        for (String folder : List.of("data", "tmp")) {
            ImageTar.Entry entry = image.entry(folder).orElseThrow();
            assertThat(entry.directory()).as(folder).isTrue();
            assertThat(entry.gid()).as(folder).isEqualTo(Long.parseLong(group));
            assertThat(entry.mode()).as(folder).isEqualTo(0770);
            assertThat(image.entries()).as(folder).noneMatch(inside -> inside.path().startsWith(folder + "/"));
        }
    }

    @Test
    void theLayersHoldAJavaRuntimeAndTheCLibrariesItLoadsRunnable() {
        assertThat(image.entry("opt/java/bin/java").orElseThrow().mode()).isEqualTo(0755);
        assertThat(image.entry("opt/java/lib/server/libjvm.so")).isPresent();
        // the dynamic loader the runtime's programs name, ld-linux-x86-64.so.2 or ld-linux-aarch64.so.1
        assertThat(image.entries()).filteredOn(entry -> entry.path().matches("lib[^/]*/ld-linux-[^/]+\\.so\\.[0-9]+"))
                .isNotEmpty().allSatisfy(loader -> assertThat(loader.mode()).isEqualTo(0755));
        assertThat(image.entries()).anySatisfy(entry -> assertThat(entry.path()).matches("lib/[^/]+/libc\\.so\\.6"));
        assertThat(image.entry("usr/share/doc/libc6/copyright")).isPresent();
        // the modules selfdata names, and those it only finds at run time, such as the French formats
        String modules = image.entry("opt/java/release").orElseThrow().text().orElseThrow().lines()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(Arrays.asList(modules.replaceAll("^MODULES=\"|\"$", "").split(" ")))
                .contains("java.base", "java.sql", "java.net.http", "jdk.localedata", "jdk.charsets", "jdk.crypto.ec")
                .doesNotContain("jdk.jshell", "jdk.compiler", "java.smartcardio");
    }

    @Test
    void theLayersHoldSelfdatasClassesApartFromTheLibrariesTheyUse() {
        String classes = image.layerOf("app/classes/org/selfdata/cli/Selfdata.class");
        String libraries = image.layers().keySet().stream().filter(layer -> image.layers().get(layer).stream()
                .anyMatch(entry -> entry.path().matches("app/libs/picocli-[0-9.]+\\.jar"))).findFirst().orElseThrow();
        String modules = image.layers().keySet().stream().filter(layer -> image.layers().get(layer).stream()
                .anyMatch(entry -> entry.path().matches("app/libs/selfdata-server-.+\\.jar"))).findFirst().orElseThrow();
        String runtime = image.layerOf("opt/java/bin/java");

        assertThat(List.of(classes, libraries, modules, runtime)).doesNotHaveDuplicates();
        List<String> classpath = Arrays.asList(image.entry("app/jib-classpath-file").orElseThrow().text().orElseThrow()
                .strip().split(":"));
        assertThat(classpath).contains("/app/classes").anyMatch(path -> path.matches("/app/libs/selfdata-server-.+\\.jar"));
        assertThat(classpath).allSatisfy(path -> assertThat(image.entry(path.substring(1))).as(path).isPresent());
    }

    @Test
    void noLayerHoldsAKeyAVaultOrABuildSecret() {
        assertThat(image.entries()).noneMatch(entry -> SECRET.matcher(entry.path()).matches());
        assertThat(image.entries()).noneMatch(entry -> entry.path().startsWith("root/") || entry.path().contains(".m2/")
                || entry.path().contains(".ssh/") || entry.path().contains(".docker/"));
        // where the key is mounted: an empty folder, there for runtimes that cannot make one in a read-only root
        assertThat(image.entries()).filteredOn(entry -> entry.path().startsWith("run/"))
                .extracting(ImageTar.Entry::path, ImageTar.Entry::directory).containsOnly(tuple("run/secrets", true));
    }
}
