package org.mnemosyne.web.rest;

/**
 * The body of every API error.
 *
 * @param status HTTP status
 * @param error what went wrong and what to do, for people
 */
public record ApiError(int status, String error) {}
