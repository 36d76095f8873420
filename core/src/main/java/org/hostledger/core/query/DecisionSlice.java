package org.hostledger.core.query;

import java.util.List;

/**
 * Decisions read by keyset ({@link ListDecisionsAfter}): at most {@code size} of them, in decision id order, and the
 * cursor of the next read ({@code nextAfter}: the last one's id), null when no decision follows. No total.
 */
public record DecisionSlice(List<DecisionView> items, int size, String nextAfter) {}
