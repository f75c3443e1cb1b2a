package org.selfdata.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design's one rule that the compiler cannot check: records leave the vault through the gate and nowhere else.
 * This reads the bytecode of every selfdata module and fails on any call to the vault's record reads from outside the
 * vault and the gate.
 */
class ArchitectureTest {
    private static final String RECORDS = "org/selfdata/vault/Records";
    private static final Set<String> READS = Set.of("read", "find", "history");
    private static final Set<String> ALLOWED_PACKAGES = Set.of("org/selfdata/vault/", "org/selfdata/gate/");

    @Test
    void onlyTheGateReadsRecordsFromTheVault() throws IOException {
        List<String> classes = selfdataClasses();
        assertThat(classes).as("selfdata's classes on the test class path").hasSizeGreaterThan(50);

        List<String> violations = new ArrayList<>();
        for (String path : classes) {
            ClassModel model = ClassFile.of().parse(read(path));
            String owner = model.thisClass().asInternalName();
            if (ALLOWED_PACKAGES.stream().anyMatch(owner::startsWith)) {
                continue;
            }
            for (MethodModel method : model.methods()) {
                method.code().ifPresent(code -> code.forEach(element -> {
                    if (element instanceof InvokeInstruction invoke && invoke.owner().asInternalName().equals(RECORDS)
                            && READS.contains(invoke.name().stringValue())) {
                        violations.add(owner + "." + method.methodName().stringValue() + " calls Records."
                                + invoke.name().stringValue());
                    }
                }));
            }
        }

        assertThat(violations).isEmpty();
    }

    private static List<String> selfdataClasses() throws IOException {
        List<String> classes = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && path.toString().contains("target") && !path.toString().contains("test-classes")) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(file -> file.toString().endsWith(".class") && file.toString().contains("org/selfdata/"))
                            .forEach(file -> classes.add(file.toString()));
                }
            }
            else if (path.getFileName().toString().startsWith("selfdata-") && path.toString().endsWith(".jar")
                    && !path.toString().endsWith("-tests.jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().filter(item -> item.getName().endsWith(".class") && item.getName().startsWith("org/selfdata/"))
                            .forEach(item -> classes.add("jar:" + path + "!" + item.getName()));
                }
            }
        }
        return classes;
    }

    private static byte[] read(String location) throws IOException {
        if (!location.startsWith("jar:")) {
            return Files.readAllBytes(Path.of(location));
        }
        String jarPath = location.substring(4, location.indexOf('!'));
        try (JarFile jar = new JarFile(jarPath)) {
            return jar.getInputStream(jar.getEntry(location.substring(location.indexOf('!') + 1))).readAllBytes();
        }
    }
}
