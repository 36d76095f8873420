package org.hostledger.core.query;

/** A page of a list: {@code page} counts from 0. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * Whether this page, holding {@code rows} items, is the last one, so that the items before it and its own are all
     * there are: a page that is not full, unless it is an empty one past the first (which says nothing of how many
     * came before).
     */
    public boolean isLastWith(int rows) {
        return rows < size && (rows > 0 || page == 0);
    }
}
