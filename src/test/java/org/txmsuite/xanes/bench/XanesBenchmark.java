package org.txmsuite.xanes.bench;

import java.util.Random;

import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.xanes.NormalizeOptions;
import org.txmsuite.xanes.Xanes;
import org.txmsuite.xanes.XanesData;
import org.txmsuite.xanes.XanesResult;

/**
 * 1 000 000 spectra x 60 energies: normalize + edge50 + whiteline fit (Xanes.edges does all three in
 * one streamed pass). Run: java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.txmsuite.xanes.bench.XanesBenchmark [size=1000] [repeats=3]
 */
public final class XanesBenchmark {
	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 1000, repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		int n = 60, px = size * size;
		double[] e = new double[n];
		for (int i = 0; i < n; i++) e[i] = i < 11 ? 8280 + 5 * i : i < 40 ? 8321 + i : 8365 + 5 * (i - 40);
		float[][] planes = new float[n][px];
		Random rnd = new Random(1);
		for (int p = 0; p < px; p++) {
			double shift = 2 * rnd.nextDouble(), t = 0.5 + rnd.nextDouble();
			for (int i = 0; i < n; i++) {
				double x = e[i] - 8340 - shift;
				double mu = 0.3 - 4e-4 * (e[i] - 8330) + t * (1 / (1 + Math.exp(-x / 2)) + 0.5 * Math.exp(-(x - 9) * (x - 9) / 30));
				planes[i][p] = (float) (mu + t * 0.01 * rnd.nextGaussian());
			}
		}
		SpectralStack s = new SpectralStack(size, size, 1, e, planes);
		System.out.printf("%d spectra x %d energies, %d cores, max heap %d MB%n", px, n, Runtime.getRuntime().availableProcessors(),
			Runtime.getRuntime().maxMemory() >> 20);
		for (int r = 0; r < repeats; r++) {
			long t0 = System.nanoTime();
			XanesResult res = Xanes.edges(XanesData.of(s), NormalizeOptions.larchDefaults(), new Xanes.EdgeOptions(), Progress.NONE);
			long t1 = System.nanoTime();
			Xanes.normalize(XanesData.of(s), NormalizeOptions.larchDefaults(), Progress.NONE);
			long t2 = System.nanoTime();
			Runtime rt = Runtime.getRuntime();
			System.out.printf("run %d: normalize+edge50+whiteline %.2f s (%.2f us/spectrum); normalize with normalized stack output %.2f s; heap used %d MB; %s%n",
				r + 1, (t1 - t0) * 1e-9, (t1 - t0) * 1e-3 / px, (t2 - t1) * 1e-9, (rt.totalMemory() - rt.freeMemory()) >> 20, res.summary());
		}
	}
}
