/** Bean Validation constraints for request bodies: the shape checks that answer 400 before any command is sent. */
package org.hostledger.api.web.validation;
