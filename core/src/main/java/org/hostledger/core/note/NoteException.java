package org.hostledger.core.note;

/** A note, key or proof file that is malformed or whose signatures do not verify. */
public class NoteException extends Exception {

    public NoteException(String message) {
        super(message);
    }

    public NoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
