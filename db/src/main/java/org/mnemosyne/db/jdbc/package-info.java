/**
 * Plain JDBC plumbing shared by the repository adapters: transactions, errors, JSON parameters.
 * Every statement is a {@link java.sql.PreparedStatement} with bound parameters; no SQL is ever
 * built from data.
 */
package org.mnemosyne.db.jdbc;
