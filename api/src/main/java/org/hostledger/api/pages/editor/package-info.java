/**
 * The editor forms (role EDITOR): one per write of the REST contract, described in {@code EditorForms}, drawn by one
 * template and handled by one controller.
 *
 * <p>A form never has rules of its own: what a person typed is read into the REST request record of the same write,
 * checked with that record's Bean Validation, turned into the command by the record itself
 * ({@link org.hostledger.api.web.CommandRequest}) and sent through
 * {@link org.hostledger.api.web.CommandResponses#send}, the API's own path, with the form's one-time submission key as
 * the idempotency key.
 */
package org.hostledger.api.pages.editor;
