package io.pactum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the numbers were measured on, printed with them. */
record Machine(int cpus, String cpuModel, String memory, String jdk, String os) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                firstValue(Path.of("/proc/meminfo"), "MemTotal").map(Machine::gib).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", "")).orElse(
                        System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version"));
    }

    @Override
    public String toString() {
        return cpus + " CPUs (" + cpuModel + "), " + memory + " RAM, " + jdk + ", " + os;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String gib(String memTotal) {
        String kib = memTotal.replace("kB", "").trim();
        try {
            return String.format("%.1f GiB", Long.parseLong(kib) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int separator = line.indexOf(line.contains(":") ? ':' : '=');
                if (separator > 0 && line.substring(0, separator).trim().equals(key)) {
                    return Optional.of(line.substring(separator + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
