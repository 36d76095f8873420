/** Why the ledger refuses a command: rejections shared by the command side and every edge. */
package org.hostledger.core.rule;
