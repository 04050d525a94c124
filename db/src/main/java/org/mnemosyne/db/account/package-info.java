/** Users, roles and saved conditions. */
package org.mnemosyne.db.account;
