/** The recorded alerts ({@code rm_alert}) and what the alert job looks at. */
package org.hostledger.projections.alerts;
