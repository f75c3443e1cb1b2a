package org.selfdata.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * selfdata's image as {@code jib:buildTar} writes it, read as a container runtime loads it: the manifest, the image's
 * configuration, and the entries of each layer with their modes and owners. Small files are kept whole, so that a
 * test can read the image's {@code /etc/passwd} or the classpath Jib wrote.
 */
final class ImageTar {
    /** The property the image profile sets to the tar it built (in {@code verify}); without it there is no image. */
    static final String PROPERTY = "selfdata.image";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long KEPT_WHOLE = 64 * 1024;

    private final Path tar;
    private final JsonNode manifest;
    private final JsonNode configuration;
    private final Map<String, List<Entry>> layers;

    private ImageTar(Path tar, JsonNode manifest, JsonNode configuration, Map<String, List<Entry>> layers) {
        this.tar = tar;
        this.manifest = manifest;
        this.configuration = configuration;
        this.layers = layers;
    }

    /** One file, folder or link of a layer, named as in the image's file system without the leading slash. */
    record Entry(String path, int mode, long uid, long gid, boolean directory, boolean link, long size, Optional<String> text) {}

    /** The image the build made, or the test is skipped: only {@code -Pimage verify} builds it. */
    static Path built() {
        String property = System.getProperty(PROPERTY, "");
        assumeThat(property).as("the image is built and checked by ./mvnw -pl cli -am -Pimage verify").isNotEmpty();
        Path tar = Path.of(property);
        assumeThat(tar).as("the image's tar, " + tar).isRegularFile();
        return tar;
    }

    static ImageTar read(Path tar) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        Map<String, List<Entry>> layers = new HashMap<>();
        try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = outer.getNextEntry(); entry != null; entry = outer.getNextEntry()) {
                if (entry.getName().endsWith(".tar.gz")) {
                    layers.put(entry.getName(), entries(new GZIPInputStream(outer)));
                }
                else if (entry.getName().endsWith(".json")) {
                    small.put(entry.getName(), outer.readAllBytes());
                }
            }
        }
        JsonNode manifest = JSON.readTree(small.get("manifest.json")).get(0);
        JsonNode configuration = JSON.readTree(small.get(manifest.get("Config").asString()));
        Map<String, List<Entry>> ordered = new LinkedHashMap<>();
        for (JsonNode layer : manifest.get("Layers")) {
            ordered.put(layer.asString(), layers.getOrDefault(layer.asString(), List.of()));
        }
        return new ImageTar(tar, manifest, configuration, ordered);
    }

    private static List<Entry> entries(InputStream layer) throws IOException {
        List<Entry> entries = new ArrayList<>();
        // the layer's stream is the outer tar's current entry: it must not be closed here
        TarArchiveInputStream input = new TarArchiveInputStream(layer);
        for (TarArchiveEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
            String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
            Optional<String> text = entry.isFile() && entry.getSize() <= KEPT_WHOLE
                    ? Optional.of(new String(input.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
            entries.add(new Entry(path, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                    entry.isDirectory(), entry.isSymbolicLink() || entry.isLink(), entry.getSize(), text));
        }
        return entries;
    }

    Path tar() {
        return tar;
    }

    JsonNode manifest() {
        return manifest;
    }

    /** The {@code config} object of the image's configuration: entry point, user, ports, volumes, environment. */
    JsonNode config() {
        return configuration.get("config");
    }

    /** Each layer's entries, bottom layer first, by the layer's file name in the tar. */
    Map<String, List<Entry>> layers() {
        return layers;
    }

    List<Entry> entries() {
        return layers.values().stream().flatMap(List::stream).toList();
    }

    /** The entry at this path in the image (without the leading slash), from the topmost layer that has it. */
    Optional<Entry> entry(String path) {
        return entries().reversed().stream().filter(entry -> entry.path().equals(path)).findFirst();
    }

    /** The layer that holds this path. */
    String layerOf(String path) {
        return layers.entrySet().stream().filter(layer -> layer.getValue().stream().anyMatch(entry -> entry.path().equals(path)))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no layer holds " + path));
    }

    /** The image's environment, as its configuration sets it. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : config().path("Env")) {
            String[] parts = variable.asString().split("=", 2);
            environment.put(parts[0], parts[1]);
        }
        return environment;
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
