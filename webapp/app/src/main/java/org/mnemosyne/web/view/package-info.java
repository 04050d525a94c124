/** Faces view beans: one small bean per page, talking to a facade with DTOs. */
package org.mnemosyne.web.view;
