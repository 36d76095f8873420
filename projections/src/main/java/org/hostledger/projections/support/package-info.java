/** Bitemporal storage shared by the views: version tables, timelines, and the SQL of "as of … known at …". */
package org.hostledger.projections.support;
