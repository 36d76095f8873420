/** The offering aggregate: an offering of a host and the chain behind it, as the host published it. */
package org.hostledger.commands.offering;
