/** The decision aggregate: its rules and the events it records. */
package org.hostledger.commands.decision;
