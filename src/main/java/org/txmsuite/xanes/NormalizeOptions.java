package org.txmsuite.xanes;

/**
 * Pre-/post-edge normalization settings. NaN ranges and {@code nnorm < 0} mean Larch 0.9.58's
 * defaults, computed per spectrum from its E0 and the energy grid. Ranges are in eV relative to E0.
 */
public final class NormalizeOptions {
	public double pre1 = Double.NaN, pre2 = Double.NaN, norm1 = Double.NaN, norm2 = Double.NaN;
	public int nnorm = -1;
	/** Pixels whose edge step is below this fraction of the 99th-percentile edge step are masked. */
	public double maskThreshold = 0.1;

	public static NormalizeOptions larchDefaults() {
		return new NormalizeOptions();
	}

	public NormalizeOptions ranges(double pre1, double pre2, double norm1, double norm2) {
		this.pre1 = pre1;
		this.pre2 = pre2;
		this.norm1 = norm1;
		this.norm2 = norm2;
		return this;
	}

	public NormalizeOptions nnorm(int v) { nnorm = v; return this; }
	public NormalizeOptions maskThreshold(double v) { maskThreshold = v; return this; }
}
