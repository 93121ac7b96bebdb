/**
 * Fault and soak tests on the local stack's real processes (killed TaskManager, JobManager, broker; registry outage;
 * a long steady soak). They take many minutes, so {@code mvn -B verify} leaves them out; run them with
 * {@code mvn -B -Pfaults -pl cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
package io.baton.cli.faults;
