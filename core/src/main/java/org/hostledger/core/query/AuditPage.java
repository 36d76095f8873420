package org.hostledger.core.query;

import java.util.List;

/** A page of the audit trail; {@code nextAfter} is the cursor of the next page, null at the end. */
public record AuditPage(List<AuditEvent> events, Long nextAfter) {}
