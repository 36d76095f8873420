package org.hostledger.core.model;

/**
 * The record ids of registers and their entries. They hold a colon, which no id chosen through the REST API may
 * hold, so that an imported entry can never take a host's or a decision's id.
 */
public final class RegisterKeys {

    private RegisterKeys() {}

    public static String register(String register) {
        return "register:" + register;
    }

    public static String entry(String register, String entryId) {
        return register + ":" + entryId;
    }
}
