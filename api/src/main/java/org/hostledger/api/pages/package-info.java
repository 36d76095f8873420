/**
 * The server-rendered pages for people: the hosting map, a decision's why, a host's certificates, the registry's lists
 * of hosts and certificates, the audit trail and the sign-in form, in English and French, readable without JavaScript.
 * The editor forms are in {@code pages.editor}.
 *
 * <p>Every page reads through {@link org.hostledger.api.application.Queries}, the same query handlers as the REST reads, and
 * parses its parameters with {@link org.hostledger.api.web.ReadParams}: there is no second read path. Text entered
 * through the API is always rendered as text ({@code th:text}), never as markup.
 */
package org.hostledger.api.pages;
