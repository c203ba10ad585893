package org.txmsuite.normalize.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.normalize.NormalizeOptions;
import org.txmsuite.normalize.NormalizeOptions.ReferenceMode;
import org.txmsuite.normalize.ReferenceNormalizer;

/**
 * Frames per second of reference normalization (dark subtraction, division, -ln) for 2048x2048 float
 * frames, all cores, streamed to a sink that drops each frame (bounded memory).
 * Run: java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.txmsuite.normalize.bench.NormalizeBench [frames]
 */
public final class NormalizeBench {
	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 24, size = 2048, refs = 4;
		SplittableRandom r = new SplittableRandom(3);
		FrameStack s = new FrameStack(size, size).source("bench");
		int t = 0;
		for (int d = 0; d < 2; d++) s.add(frame(r, size, 100), new FrameInfo(FrameKind.DARK, Double.NaN, Double.NaN, 0.3).timeS(t++));
		for (int block = 0; block < 2; block++) {
			for (int i = 0; i < refs; i++) s.add(frame(r, size, 3000), new FrameInfo(FrameKind.FLAT, Double.NaN, Double.NaN, 0.3).timeS(t++));
			if (block == 0)
				for (int i = 0; i < n; i++) s.add(frame(r, size, 2000), new FrameInfo(FrameKind.SAMPLE, i, Double.NaN, 0.5).timeS(t++));
		}
		System.out.printf(Locale.ROOT, "%d sample frames %dx%d float, %d cores, heap max %d MB%n", n, size, size,
			Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		String[][] cases = { { "linear", "0", "absorbance" }, { "linear", "0", "transmission" }, { "mean", "0", "absorbance" },
			{ "median", "0", "absorbance" }, { "linear", "1", "absorbance" } };
		for (String[] c : cases) run(s, c, n, true);
		for (String[] c : cases) run(s, c, n, false);
	}

	private static void run(FrameStack s, String[] c, int n, boolean warmup) {
		String mode = c[0];
		double zinger = Double.parseDouble(c[1]);
		NormalizeOptions o = new NormalizeOptions().mode(ReferenceMode.parse(mode)).zingerThreshold(zinger)
			.output(NormalizeOptions.Output.parse(c[2]));
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
		ReferenceNormalizer.normalize(s, null, null, o, Progress.NONE, (i, px, info) -> {});
		double sec = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
		if (!warmup)
			System.out.printf(Locale.ROOT, "%-7s %-12s zinger=%s: %.2f s wall for %d frames = %.1f frames/s; %.2f s CPU = %.1f frames per CPU-second "
				+ "(incl. reference setup)%n", mode, c[2], zinger > 0 ? "on " : "off", sec, n, n / sec, cpu, n / cpu);
	}

	private static float[] frame(SplittableRandom r, int size, double level) {
		float[] f = new float[size * size];
		for (int i = 0; i < f.length; i++) f[i] = (float) (level * (0.9 + 0.2 * r.nextDouble()));
		return f;
	}
}
