/** Offerings and the chain behind each (HDS v2 transfer maps): their reads and the corrections of a chain. */
package org.hostledger.api.offerings;
