package org.txmsuite.recon;

/** Public door to the test phantoms and measures for the benchmarks in the bench package. */
public final class TestAccess {
	private TestAccess() {}
	public static float[] truth(int n) { return Phantoms.sheppLogan(n); }
	public static float[] sino(int n, double[] ang) { return Phantoms.sheppLoganSinogram(n, n, (n - 1) / 2.0, ang, 4); }
	public static float[] sino(int n, double center, double[] ang) { return Phantoms.sheppLoganSinogram(n, n, center, ang, 4); }
	/** Phantom by name (shepp, plateaus, dac): {truth n*n, sinogram angles*n}; noise: photons per pixel, 0 for none. */
	public static float[][] phantom(String name, int n, double[] ang, double photons, long seed) {
		org.txmsuite.sim.Phantom2D p = name.equals("plateaus") ? Phantoms.plateaus() : name.equals("dac") ? Phantoms.dacSlice()
			: org.txmsuite.sim.Phantom2D.sheppLogan();
		float[] sino = Phantoms.sinogram(p, n, ang, 4);
		if (photons > 0) Phantoms.photonNoise(sino, photons, seed);
		return new float[][] { p.rasterize(n, 4), sino };
	}
	/** Smallest slice size at which SART splits projections between threads; returns the previous value. */
	public static int sartSplitMinSize(int n) { int old = SliceSolver.splitMinSize; SliceSolver.splitMinSize = n; return old; }
	/** How long a thread spins at a SART barrier before it parks (ns); returns the previous value. */
	public static long sartSpinNanos(long ns) { long old = SliceSolver.spinNanos; SliceSolver.spinNanos = ns; return old; }
	/** False: SART splits whenever it may, without measuring whether the split pays. */
	public static void sartAdaptive(boolean on) { SliceSolver.splitMode = on ? SliceSolver.SPLIT_ADAPTIVE : SliceSolver.SPLIT_ALWAYS; }
	/** SART split on (1), off (2: the same sums on one thread) or adaptive (0). */
	public static void sartSplitMode(int mode) { SliceSolver.splitMode = mode; }
	public static double rmse(float[] a, float[] b) { return Phantoms.rmse(a, b); }
	public static double ssim(float[] a, float[] b, int n) { return Phantoms.ssim(a, b, n, 1.0); }
}
