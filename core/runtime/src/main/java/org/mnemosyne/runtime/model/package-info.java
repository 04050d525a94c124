/** Adapters between embedding models and the explanation API. */
package org.mnemosyne.runtime.model;
