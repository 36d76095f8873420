package org.hostledger.core.command;

/** The kinds of record the ledger holds, with the aggregate type under which their events are stored. */
public enum RecordKind {
    HOST("host", "Host"),
    CERTIFICATION("certification", "Certification"),
    DECISION("decision", "HostingDecision"),
    REGISTER_ENTRY("register entry", "RegisterEntry"),
    REGISTER("register", "Register"),
    OFFERING("offering", "Offering"),
    ALERT("alert", "Alert");

    private final String label;
    private final String aggregateType;

    RecordKind(String label, String aggregateType) {
        this.label = label;
        this.aggregateType = aggregateType;
    }

    /** The word used in messages and paths ("host", "certification", "decision"). */
    public String label() {
        return label;
    }

    /** The aggregate type stored with every event of this kind. */
    public String aggregateType() {
        return aggregateType;
    }

    public static RecordKind ofAggregateType(String aggregateType) {
        for (RecordKind kind : values()) {
            if (kind.aggregateType.equals(aggregateType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown aggregate type " + aggregateType);
    }
}
