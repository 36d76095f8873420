package org.hostledger.projections.alerts;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.AlertRecorded;
import org.hostledger.projections.hostingmap.HostingMapProjection;
import org.hostledger.projections.support.Activities;
import org.hostledger.projections.support.Bitemporal;
import org.hostledger.projections.support.EventPosition;
import org.hostledger.projections.support.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recorded alerts, one row each ({@code rm_alert}). Part of the hosting map's processor: alerts are about its
 * decisions and their compliance, and are replayed with it.
 */
@Component
@ProcessingGroup(HostingMapProjection.NAME)
public class AlertsProjection {

    private final JdbcTemplate jdbc;

    public AlertsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AlertRecorded e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        // A batch processed again after a crash finds its row there.
        jdbc.update("DELETE FROM rm_alert WHERE alert_key = ?", e.alertKey());
        jdbc.update(
                "INSERT INTO rm_alert (alert_key, kind, record_id, host_id, occurrence, decisions, valid_until, "
                        + "uncovered, effective_on, rec_from, rec_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.alertKey(),
                e.kind().name(),
                e.recordId(),
                e.hostId(),
                e.occurrence(),
                JsonColumns.write(e.decisions()),
                e.validUntil(),
                Activities.text(e.uncoveredActivities()),
                e.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                at.globalIndex());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_alert");
    }
}
