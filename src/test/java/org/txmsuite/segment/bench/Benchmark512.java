package org.txmsuite.segment.bench;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.Materials;

/**
 * Time and memory of "Measure Pt Shell Volume" on a 512^3 volume: a 10 um Pt-coated sphere (1 um shell)
 * at 30 nm voxels, rasterized (one point per voxel), with Gaussian noise of 5 % of the Pt level. Heap
 * use is sampled every 20 ms during the run; the input volume (512 MB) is part of it.
 */
public final class Benchmark512 {
	public static void main(String[] a) {
		int n = a.length > 0 ? Integer.parseInt(a[0]) : 512;
		DacSample s = new DacSample(DacSample.Shape.SPHERE, 10, 1);
		Volume v = s.phantom().rasterize(n, n, n, 0.03, 1);
		double pt = Materials.PT * 0.03;
		IntStream.range(0, n).parallel().forEach(z -> {
			Random r = new Random(z);
			float[] sl = v.slice(z);
			for (int i = 0; i < sl.length; i++) sl[i] += (float) (r.nextGaussian() * 0.05 * pt);
		});
		Runtime rt = Runtime.getRuntime();
		System.gc();
		long base = rt.totalMemory() - rt.freeMemory();
		AtomicLong peak = new AtomicLong(base);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long t0 = System.nanoTime();
		ShellResult r = PtShellSegmenter.measure(v, new ShellOptions(), (done, total, msg) -> System.out.printf("  %5.1fs %s%n", (System.nanoTime() - t0) / 1e9 + 0.0, msg));
		long t1 = System.nanoTime();
		sampler.interrupt();
		double tv = s.interiorVolumeUm3();
		System.out.printf("%d^3, %d cores, max heap %d MB: %.1f s, heap before %d MB (input volume), peak sampled %d MB; V %.3f true %.3f err %+.3f%% U %.3f%% S err %+.2f%%%n",
			n, rt.availableProcessors(), rt.maxMemory() >> 20, (t1 - t0) / 1e9, base >> 20, peak.get() >> 20, r.interiorVolumeUm3, tv,
			100 * (r.interiorVolumeUm3 / tv - 1), 100 * r.uncertaintyUm3 / tv, 100 * (r.surfaceUm2 / s.interiorSurfaceUm2() - 1));
	}
}
