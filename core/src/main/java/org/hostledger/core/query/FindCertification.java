package org.hostledger.core.query;

/** One certificate on the date asked; answers null when it was not in force or not known yet. */
public record FindCertification(String certificationId, TimePoint at) {}
