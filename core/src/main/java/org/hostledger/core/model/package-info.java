/** Value objects of the domain: activities, certificate kinds, countries, procurement routes, schemes, sources. */
package org.hostledger.core.model;
