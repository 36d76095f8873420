package org.hostledger.core.offering;

/**
 * An activity of a decision that its offering's chain does not cover: nobody performs it ({@code actor} null), or the
 * actor performing it holds no valid certificate for it and no stated exemption.
 */
public record ChainGap(int activity, String actor, String reason) {}
