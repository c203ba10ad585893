package org.txmsuite.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.scijava.Context;

/** The main job on built-in simulated data ({@code scripts/txm demo}); grows with the stages. */
final class Demo {
	private Demo() {}

	static int run(Context context, Path outDir, boolean quick, PrintStream out, PrintStream err) {
		err.println("txm: the demo needs the simulator, which is not built yet");
		return 1;
	}
}
