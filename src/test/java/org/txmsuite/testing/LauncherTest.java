package org.txmsuite.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.txmsuite.cli.TxmCli;

/** Base for tests that run the headless launcher ({@code scripts/txm}) in process and read its output. */
public abstract class LauncherTest {
	protected final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	/** Runs {@code scripts/txm <args>}; returns the exit status. */
	protected int txm(String... args) {
		return new TxmCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
			.execute(args);
	}

	protected String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	protected String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
