package org.hostledger.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller, or one of its methods, that answers from the event store or from tables of its own (the audit trail,
 * the verifiable log, the watch's changes and subscriptions, administration), never from a view that a rebuild clears:
 * it keeps answering while views are rebuilt (see {@link ViewsRebuildingInterceptor}). Every other read does not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsNoView {}
