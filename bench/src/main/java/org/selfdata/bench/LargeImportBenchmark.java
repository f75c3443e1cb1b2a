package org.selfdata.bench;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Records.json of gigabytes imported by a Java process whose heap is limited to 256 MB ({@link LargeImport}, in a
 * process of its own): the import streams, so the heap it keeps after each collection is as small at the end of the
 * file as after its first tenth. Its figures: the points it imports a second, that heap beside the first tenth's,
 * and the most heap it used at any moment.
 */
final class LargeImportBenchmark {
    static final String HEAP = "-Xmx256m";
    private static final Set<String> FIGURES = Set.of("points", "seconds", "firstTenth", "peak", "used");

    private LargeImportBenchmark() {}

    static List<Measurement> run(Path scratch, int gigabytes, Consumer<String> progress) {
        Path file = scratch.resolve("large").resolve("Records.json");
        try {
            Files.createDirectories(file.getParent());
            progress.accept("writing a Records.json of " + gigabytes + " GB");
            long points = BenchFiles.writeRecordsJson(file, Long.MAX_VALUE, gigabytes * 1_000_000_000L);
            double megabytes = Files.size(file) / 1e6;
            progress.accept("importing it (" + points + " points) in a Java process limited to " + HEAP);
            Map<String, Double> figures = child(file, points, scratch.resolve("large").resolve("vault"));
            if (figures.getOrDefault("points", 0.0) != points) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the large import wrote " + figures.get("points")
                        + " points, not " + points);
            }
            Files.delete(file);
            String name = String.format(Locale.ROOT, "%,.0f MB Records.json, %s", megabytes, HEAP);
            return List.of(
                    Measurement.of("import " + name, figures.get("points") / figures.get("seconds"), "records/s"),
                    new Measurement("heap after GC, peak over the file, " + HEAP, figures.get("peak") / 1e6, "MB",
                            Optional.of(new Measurement.Baseline("its first tenth", figures.get("firstTenth") / 1e6)),
                            false),
                    Measurement.of("heap used at most, " + HEAP, figures.get("used") / 1e6, "MB"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> child(Path file, long points, Path vault) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), LargeImport.class.getName(), file.toString(), vault.toString(),
                Long.toString(points)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        }
        catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the large import was interrupted", e);
        }
        if (status != 0) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the large import under " + HEAP + " failed with exit code "
                    + status + " (its error is above)");
        }
        Map<String, Double> figures = new HashMap<>();
        output.lines().map(line -> line.split(" ")).filter(words -> words.length == 2 && FIGURES.contains(words[0]))
                .forEach(words -> figures.put(words[0], Double.parseDouble(words[1])));
        return figures;
    }
}
