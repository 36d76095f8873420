/**
 * The import of official registers: reading a published snapshot (FedRAMP Marketplace JSON, the documented CSV of
 * the ANS and ANSSI lists) completely and strictly, then diffing it against what the ledger holds for that register
 * and sending the ordinary commands that make the ledger match, the snapshot's own record last. Nothing web here:
 * the HTTP edge and the command line both call {@link org.hostledger.api.application.registers.RegisterImporter}.
 */
package org.hostledger.api.application.registers;
