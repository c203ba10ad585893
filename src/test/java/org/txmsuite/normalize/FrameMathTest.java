package org.txmsuite.normalize;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FrameMathTest {
	@Test
	void fastLogMatchesMathLogToFloatResolution() {
		SplittableRandom r = new SplittableRandom(5);
		double worst = 0;
		for (int i = 0; i < 200_000; i++) {
			// transmissions from the clamp floor 1e-4 up to 1e4, log-uniform, plus exact powers of two
			float x = i % 1000 == 0 ? (float) Math.scalb(1.0, i / 1000 % 27 - 13) : (float) Math.exp(r.nextDouble(Math.log(1e-4), Math.log(1e4)));
			double err = Math.abs(FrameMath.ln(x) - Math.log(x));
			worst = Math.max(worst, err / Math.max(1, Math.abs(Math.log(x))));
		}
		// float output resolution is 6e-8 relative; the series is good to ~1e-11
		assertTrue(worst < 1e-9, "worst relative error " + worst);
		assertEquals(0.0, FrameMath.ln(1f), 0.0);
	}

	@Test
	void binAndZingerRemoval() {
		float[] f = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		assertArrayEquals(new float[] { 3.5f, 5.5f }, FrameMath.bin(f, 4, 3, 2), 0f); // last row dropped
		float[] z = new float[25];
		java.util.Arrays.fill(z, 100);
		z[12] = 250; // 2.5x its neighbourhood
		z[0] = 180; // 1.8x: kept at threshold 1
		assertEquals(1, FrameMath.removeZingers(z, 5, 5, 1.0));
		assertEquals(100, z[12]);
		assertEquals(180, z[0]);
	}
}
