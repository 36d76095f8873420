package org.hostledger.api.application.registers;

/**
 * An official register as data: its id (in paths), name, publisher, the format its snapshots are read in, the scheme
 * its entries certify, and its home page.
 */
public record RegisterDefinition(
        String id, String name, String publisher, RegisterFormat format, String scheme, String homePage) {}
