package org.hostledger.core.query;

import java.util.List;

public record OfferingList(List<OfferingView> items) {}
