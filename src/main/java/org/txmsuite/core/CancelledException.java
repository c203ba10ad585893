package org.txmsuite.core;

/** Thrown by long operations when the user cancels through {@link Progress}. */
public class CancelledException extends TxmException {
	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("cancelled by the user");
	}
}
