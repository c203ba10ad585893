package org.txmsuite.testing;

import org.scijava.Context;

/** One SciJava context shared by all tests of a JVM (creating one takes about a second). */
public final class TestContext {
	private static Context context;

	private TestContext() {}

	public static synchronized Context get() {
		if (context == null) context = new Context();
		return context;
	}
}
