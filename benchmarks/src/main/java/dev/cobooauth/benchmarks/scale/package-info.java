/**
 * The scale benchmark of issue 20: many orgs, two instances sharing one PostgreSQL token store.
 */
@NullMarked
package dev.cobooauth.benchmarks.scale;

import org.jspecify.annotations.NullMarked;
