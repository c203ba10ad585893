package org.txmsuite.xanes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;

/** A 4D (x, y, z, energy) stack gives per-slice maps identical to running each slice as 2D. */
class Xanes3DTest {
	@Test
	void slicesOfA4dStackMatchTheir2dRuns() {
		SyntheticParticle[] s = { new SyntheticParticle(20, 100, 1), new SyntheticParticle(20, 100, 2), new SyntheticParticle(20, 100, 3) };
		int n = s[0].energies.length, depth = s.length;
		float[][] planes = new float[n * depth][];
		for (int e = 0; e < n; e++) for (int z = 0; z < depth; z++) planes[e * depth + z] = s[z].stack.plane(e, 0);
		SpectralStack vol = new SpectralStack(20, 20, depth, s[0].energies, planes);
		NormalizeOptions o = NormalizeOptions.larchDefaults().maskThreshold(0);
		XanesResult r3 = Xanes.edges(XanesData.of(vol), o, new Xanes.EdgeOptions(), Progress.NONE);
		assertEquals(depth, r3.image("edge50_map").getStackSize());
		for (int z = 0; z < depth; z++) {
			XanesResult r2 = Xanes.edges(XanesData.of(s[z].stack), o, new Xanes.EdgeOptions(), Progress.NONE);
			assertArrayEquals((float[]) r2.image("edge50_map").getProcessor().getPixels(),
				(float[]) r3.image("edge50_map").getStack().getPixels(z + 1), "slice " + z);
			assertArrayEquals((float[]) r2.image("whiteline_map").getProcessor().getPixels(),
				(float[]) r3.image("whiteline_map").getStack().getPixels(z + 1), "slice " + z);
		}
		XanesResult norm = Xanes.normalize(XanesData.of(vol), o, Progress.NONE);
		SpectralStack out = (SpectralStack) norm.get("normalized");
		assertEquals(depth, out.depth());
		assertEquals(depth, norm.image("e0_map").getStackSize());
	}
}
