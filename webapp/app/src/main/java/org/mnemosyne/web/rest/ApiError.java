package org.mnemosyne.web.rest;

/**
 * The body of every API error.
 *
 * @param status HTTP status
 * @param error what went wrong and what to do, for people
 * @param position for a malformed condition, the 0-based character offset of the problem; absent
 *     otherwise
 */
public record ApiError(int status, String error, Integer position) {}
