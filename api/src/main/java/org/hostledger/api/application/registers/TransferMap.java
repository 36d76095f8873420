package org.hostledger.api.application.registers;

import java.util.List;
import org.hostledger.core.offering.ChainActor;

/** A transfer map read completely: its offerings in file order, each with its chain. */
public record TransferMap(List<Offering> offerings) {

    /** One offering: its publisher (the actor in the host role), its name, its chain, and the line it starts on. */
    public record Offering(String publisher, String name, List<ChainActor> chain, String where) {}
}
