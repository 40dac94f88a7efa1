package org.opengrievance.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The models of processes/ as a deployment carries them (name → bytes), and edits of them. */
final class ShippedModels {

    static final Path PROCESSES = Path.of("processes");

    private ShippedModels() {
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> resources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).forEach(p ->
                    resources.put(PROCESSES.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    static String text(String resource) {
        return new String(read(PROCESSES.resolve(resource)), StandardCharsets.UTF_8);
    }

    /** The shipped file with one exact, present piece of text replaced. */
    static Map<String, byte[]> edited(String resource, String from, String to) {
        String text = text(resource);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("not in " + resource + ": " + from);
        }
        return Map.of(Path.of(resource).getFileName().toString(),
                text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> one(String resource, String text) {
        return Map.of(resource, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
