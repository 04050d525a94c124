/** The Mnemosyne portal: Jakarta EE web application on Payara Micro. */
package org.mnemosyne.web;
