/** The HTTP edge of the registers: the snapshot import (role EDITOR) and the public reads of the registers view. */
package org.hostledger.api.registers;
