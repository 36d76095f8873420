/** Reads of offerings and the chain behind each (HDS v2 transfer maps). */
package org.hostledger.api.offerings;
