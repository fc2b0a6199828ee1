/**
 * The end-to-end load benchmark ({@code benchmarks/end-to-end.sh}): a fake Cobo that runs as a process
 * of its own, and the plain pass-through application that portal-app is compared with. {@code wrk}
 * loads both over HTTP; nothing here is a JMH benchmark.
 */
@NullMarked
package dev.cobooauth.benchmarks.endtoend;

import org.jspecify.annotations.NullMarked;
