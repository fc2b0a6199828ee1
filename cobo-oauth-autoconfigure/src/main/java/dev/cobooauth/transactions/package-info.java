/**
 * Moving funds through Cobo exactly once: {@link dev.cobooauth.transactions.CoboTransactions} (and
 * {@link dev.cobooauth.transactions.ReactiveCoboTransactions}) create transfers, contract calls and
 * message signs for an org, resolve by {@code request_id} every create whose answer was lost, and
 * read transactions back. The request and transaction records are Cobo's JSON, snake_case on the
 * wire. The resolution and the JSON are package-private.
 */
@NullMarked
package dev.cobooauth.transactions;

import org.jspecify.annotations.NullMarked;
