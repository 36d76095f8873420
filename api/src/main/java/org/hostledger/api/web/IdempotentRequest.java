package org.hostledger.api.web;

/**
 * A write that carries an {@code Idempotency-Key}: who sent it, the key, and the hash of what was asked. Travels
 * from the filter to the command as metadata.
 */
public record IdempotentRequest(String principal, String key, String requestHash) {

    public static final String ATTRIBUTE = IdempotentRequest.class.getName();
    public static final String METADATA_PRINCIPAL = "idempotencyPrincipal";
    public static final String METADATA_KEY = "idempotencyKey";
    public static final String METADATA_HASH = "idempotencyHash";
}
