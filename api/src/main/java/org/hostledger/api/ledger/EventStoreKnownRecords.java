package org.hostledger.api.ledger;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "which kind of record is this id?" from the first event of its stream, through the event store's unique
 * key on (aggregate, sequence): one index lookup, in the command's own transaction, never behind a projection.
 */
public class EventStoreKnownRecords implements KnownRecords {

    private static final String FIRST_EVENT_TYPE =
            "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0";

    private final JdbcTemplate jdbc;

    public EventStoreKnownRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong versionOf(String id) {
        Long version = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    @Override
    public Optional<RecordKind> kindOf(String id) {
        List<String> types = jdbc.queryForList(FIRST_EVENT_TYPE, String.class, id);
        return types.stream().findFirst().map(RecordKind::ofAggregateType);
    }
}
