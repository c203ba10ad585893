package org.txmsuite.core;

/**
 * A problem with the user's input or data, with a message meant for the user: it names the input, the
 * value found and what was expected. The headless runner prints the message and exits non-zero.
 */
public class TxmException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public TxmException(String message) {
		super(message);
	}

	public TxmException(String message, Throwable cause) {
		super(message, cause);
	}
}
