/** What admins do: collections, imports as jobs, re-indexing, the explanation cache. */
package org.mnemosyne.web.admin;
