package dev.lumina.auth.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SessionCheckBenchmark} and prints one table per token kind with the ratios the performance
 * targets name: a repeated cookie at most 1 us and at least 15x cheaper than smallrye-jwt; a first-seen one at
 * most 1.1x smallrye-jwt. Figures, not assertions: {@code mvn -B -Pbench} ({@code -Dbench.args=quick} for a
 * short run with a wider error). With {@code median} (e.g. {@code -Dbench.args="quick median"}) every call is
 * timed and the medians are compared: on a machine shared with other work, a mean is carried by the calls that
 * waited for a core, a median is not. Bytes allocated per call (JMH's GC profiler) are printed too: they do not
 * depend on the load.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        java.util.List<String> flags = java.util.Arrays.asList(String.join(" ", args).trim().split("\\s+"));
        boolean quick = flags.contains("quick");
        boolean median = flags.contains("median");
        OptionsBuilder options = new OptionsBuilder();
        options.include(SessionCheckBenchmark.class.getSimpleName());
        options.addProfiler(org.openjdk.jmh.profile.GCProfiler.class);
        if (median) {
            options.mode(org.openjdk.jmh.annotations.Mode.SampleTime);
        }
        if (quick) {
            options.warmupIterations(2).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
        }
        Options built = options.build();
        Collection<RunResult> results = new Runner(built).run();
        Map<String, Map<String, Double>> byKind = new LinkedHashMap<>();
        Map<String, Double> bytes = new LinkedHashMap<>();
        for (RunResult r : results) {
            String kind = r.getParams().getParam("kind");
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            double ns = median ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore();
            byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(name, ns);
            var alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            bytes.put(kind + " " + name, alloc == null ? Double.NaN : alloc.getScore());
        }
        System.out.println();
        System.out.printf("Session check, ns per operation, %s (%s, %d cores, %s, load average %.1f)%n", median ? "median" : "mean",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Map.Entry<String, Map<String, Double>> k : byKind.entrySet()) {
            Map<String, Double> ns = k.getValue();
            System.out.println();
            boolean jwe = k.getKey().equals("JWE");
            // smallrye-jwt's parser does not take a dir key: JWE is compared with jose4j, which it runs on
            String baseline = jwe ? "jose4j" : "smallryeJwt";
            System.out.println("| " + k.getKey() + " | ns/op | vs " + baseline + " | bytes/op |");
            System.out.println("|---|---|---|---|");
            double smallrye = ns.getOrDefault(baseline, Double.NaN);
            for (Map.Entry<String, Double> e : ns.entrySet()) {
                if (jwe && (e.getKey().equals("floor") || e.getKey().equals("smallryeJwt"))) {
                    continue;
                }
                System.out.printf("| %s | %,.0f | %.2fx | %,.0f |%n", e.getKey(), e.getValue(), e.getValue() / smallrye,
                        bytes.getOrDefault(k.getKey() + " " + e.getKey(), Double.NaN));
            }
            double repeated = ns.getOrDefault("luminaRepeated", Double.NaN);
            double first = ns.getOrDefault("luminaFirstSeen", Double.NaN);
            System.out.printf("target: repeated <= 1000 ns: %,.0f ns %s; repeated >= 15x cheaper than the baseline: %.1fx %s; "
                            + "first seen <= 1.1x the baseline: %.2fx %s%n",
                    repeated, repeated <= 1000 ? "MET" : "MISSED", smallrye / repeated, smallrye / repeated >= 15 ? "MET" : "MISSED",
                    first / smallrye, first / smallrye <= 1.1 ? "MET" : "MISSED");
        }
    }
}
