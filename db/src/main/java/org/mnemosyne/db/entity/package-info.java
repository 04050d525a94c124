/** JPA entities mapped to the Flyway-owned schema (Hibernate validates, never generates). */
package org.mnemosyne.db.entity;
