package org.txmsuite.xanes;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.txmsuite.core.Progress;

/**
 * Runs a per-spectrum kernel over the pixels of one slice on all cores. Pixels go in chunks (one
 * kernel instance each, so scratch is allocated per chunk, never per pixel); inside a chunk, blocks of
 * pixels are transposed from energy planes into a spectrum-major buffer so each spectrum is read from
 * cache.
 */
final class BlockRunner {
	/** Per-chunk kernel: reads one spectrum, may write one output spectrum. */
	interface Kernel {
		void pixel(int p, double[] in, double[] out);
	}

	static final int CHUNK = 16384, BLOCK = 256;

	private BlockRunner() {}

	/**
	 * @param in   energy planes of the slice (each {@code pixels} long)
	 * @param out  planes to receive the kernel's output spectra, or null
	 * @param done pixels done so far over the whole job (for progress), updated here
	 */
	static void run(float[][] in, float[][] out, int pixels, Supplier<Kernel> kernels, Progress progress, AtomicLong done,
		long total, String message) {
		int nIn = in.length, nOut = out == null ? 0 : out.length;
		int chunks = (pixels + CHUNK - 1) / CHUNK;
		IntStream.range(0, chunks).parallel().forEach(c -> {
			progress.checkCancelled();
			Kernel k = kernels.get();
			double[] bin = new double[BLOCK * nIn], bout = new double[BLOCK * Math.max(nOut, 1)];
			double[] spec = new double[nIn], res = new double[Math.max(nOut, 1)];
			int p0 = c * CHUNK, p1 = Math.min(pixels, p0 + CHUNK);
			for (int b0 = p0; b0 < p1; b0 += BLOCK) {
				int b1 = Math.min(p1, b0 + BLOCK), nb = b1 - b0;
				for (int k2 = 0; k2 < nIn; k2++) {
					float[] plane = in[k2];
					for (int j = 0; j < nb; j++) bin[j * nIn + k2] = plane[b0 + j];
				}
				for (int j = 0; j < nb; j++) {
					System.arraycopy(bin, j * nIn, spec, 0, nIn);
					k.pixel(b0 + j, spec, res);
					if (nOut > 0) System.arraycopy(res, 0, bout, j * nOut, nOut);
				}
				for (int k2 = 0; k2 < nOut; k2++) {
					float[] plane = out[k2];
					for (int j = 0; j < nb; j++) plane[b0 + j] = (float) bout[j * nOut + k2];
				}
			}
			progress.report(done.addAndGet(p1 - p0), total, message);
		});
	}
}
