/** The host aggregate: its rules and the events it records. */
package org.hostledger.commands.host;
