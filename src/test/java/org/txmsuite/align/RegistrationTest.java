package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Upsampled-DFT registration and Fourier shifting against analytic images. */
class RegistrationTest {
	/** A smooth analytic image: a few Gaussian blobs of different widths, displaced by (dx, dy). */
	static float[] blobs(int w, int h, double dx, double dy) {
		double[][] b = { { 0.3, 0.4, 4, 1 }, { 0.6, 0.55, 7, 0.7 }, { 0.45, 0.7, 3, -0.5 }, { 0.7, 0.3, 5, 0.8 } };
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (double[] q : b) {
					double ex = x - dx - q[0] * w, ey = y - dy - q[1] * h;
					v += q[3] * Math.exp(-(ex * ex + ey * ey) / (2 * q[2] * q[2]));
				}
				out[y * w + x] = (float) v;
			}
		return out;
	}

	@Test
	void findsSubpixelShiftsOfNoisyImages() {
		int w = 96, h = 64;
		Registration reg = new Registration(w, h, 20, 0.1, false);
		Random r = new Random(5);
		double worst = 0;
		for (int t = 0; t < 20; t++) {
			double dx = (r.nextDouble() - 0.5) * 12, dy = (r.nextDouble() - 0.5) * 12;
			float[] ref = blobs(w, h, 0, 0), mov = blobs(w, h, dx, dy);
			for (int k = 0; k < mov.length; k++) mov[k] += (float) (0.01 * r.nextGaussian());
			reg.reference(ref);
			double[] s = reg.registerRefined(mov, 4, null);
			worst = Math.max(worst, Math.max(Math.abs(s[0] - dx), Math.abs(s[1] - dy)));
			assertTrue(s[2] > 0.9, "peak " + s[2]);
		}
		// 1 % noise on blobs of a few pixels: the peak location is good to a few hundredths of a pixel.
		assertEquals(0, worst, 0.03);
	}

	@Test
	void packedRegistrationEqualsTwoTransforms() {
		int w = 128, h = 96;
		Registration a = new Registration(w, h, 10, 0.1, false), b = new Registration(w, h, 10, 0.1, false);
		float[] ref = blobs(w, h, 0, 0), mov = blobs(w, h, 2.37, -1.61);
		double[] packed = a.register(ref, mov, null);
		b.reference(ref);
		double[] two = b.register(mov, null);
		// one complex FFT of ref + i mov, split by Hermitian symmetry: the same numbers to rounding
		for (int k = 0; k < 3; k++) assertEquals(two[k], packed[k], 1e-9);
		// a single pass: blobs reaching the faded edges pull it towards zero by a few hundredths (registerRefined removes that)
		assertEquals(2.37, packed[0], 0.1);
		assertEquals(-1.61, packed[1], 0.1);
		// the packed call leaves ref as the current reference
		assertArrayEquals(two, a.register(mov, null), 1e-9);
	}

	@Test
	void phaseCorrelationFindsLargeShift() {
		int w = 64, h = 64;
		Registration r = new Registration(w, h, 10, 0.1, true);
		r.reference(blobs(w, h, 0, 0));
		// refined passes: a single pass is pulled towards zero by the fixed window when content reaches the edges
		double[] s = r.registerRefined(blobs(w, h, -9.35, 6.2), 4, null);
		assertEquals(-9.35, s[0], 0.05);
		assertEquals(6.2, s[1], 0.05);
	}

	@Test
	void fourierShiftMatchesAnalyticImage() {
		int w = 80, h = 50;
		SubpixelShift sh = new SubpixelShift(w, h);
		float[] src = blobs(w, h, 0, 0), dst = new float[w * h];
		double sx = 3.37, sy = -2.71;
		sh.shift(src, dst, sx, sy);
		float[] truth = blobs(w, h, sx, sy);
		double err = 0;
		// compare away from the borders (content entering from outside is not known there)
		for (int y = 6; y < h - 6; y++)
			for (int x = 6; x < w - 6; x++) err = Math.max(err, Math.abs(dst[y * w + x] - truth[y * w + x]));
		// band-limited blobs: the phase ramp is exact up to float rounding and the tails cut at the border
		assertEquals(0, err, 2e-3);
		sh.shift(src, dst, 0, 0);
		for (int k = 0; k < src.length; k++) assertEquals(src[k], dst[k], 1e-5);
	}
}
