/** Several nodes sharing a JCache (Hazelcast) cluster on loopback, each in its own JVM. */
package dev.lumina.auth.cluster;
