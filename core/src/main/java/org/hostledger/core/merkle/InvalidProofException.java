package org.hostledger.core.merkle;

/** A proof that does not prove what it claims: malformed, for other sizes, or leading to another root. */
public class InvalidProofException extends Exception {

    public InvalidProofException(String message) {
        super(message);
    }
}
