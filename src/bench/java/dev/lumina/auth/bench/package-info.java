/** JMH benchmarks of the per-request work, run with {@code mvn -B -Pbench}; they print figures, nothing is asserted. */
package dev.lumina.auth.bench;
