package org.txmsuite.xanes;

import org.txmsuite.core.SpectralStack;
import org.txmsuite.core.TxmException;

/**
 * What the XANES commands work on: a spectral image stack (2D, or 3D with z slices) or a table of
 * spectra. A table is treated as one slice of {@code size x 1} pixels, so both take one code path.
 */
public final class XanesData {
	private final SpectralStack stack;
	private final SpectrumTable table;
	private final double[] energies;

	private XanesData(SpectralStack stack, SpectrumTable table, double[] energies) {
		this.stack = stack;
		this.table = table;
		this.energies = energies;
	}

	public static XanesData of(SpectralStack s) {
		double[] e = s.energiesEv();
		EnergyGrid.toEv(e);
		EnergyGrid.check(e, "image stack");
		return new XanesData(s, null, e);
	}

	public static XanesData of(SpectrumTable t) {
		EnergyGrid.check(t.energiesEv(), "spectrum table " + t.source());
		return new XanesData(null, t, t.energiesEv());
	}

	/** Exactly one of an image stack and a spectrum table; a clear error otherwise. */
	public static XanesData either(SpectralStack s, SpectrumTable t) {
		if ((s == null) == (t == null))
			throw new TxmException(s == null ? "no input given: expected an image stack ('input') or a spectrum file ('spectra')"
				: "both an image stack ('input') and a spectrum file ('spectra') were given; expected exactly one");
		return s != null ? of(s) : of(t);
	}

	public boolean isTable() { return table != null; }
	public SpectrumTable table() { return table; }
	public SpectralStack stack() { return stack; }
	public double[] energiesEv() { return energies.clone(); }
	public int energyCount() { return energies.length; }
	public int width() { return table != null ? table.size() : stack.width(); }
	public int height() { return table != null ? 1 : stack.height(); }
	public int depth() { return table != null ? 1 : stack.depth(); }
	public int pixels() { return width() * height(); }
	public double pixelSizeNm() { return table != null ? Double.NaN : stack.pixelSizeNm(); }

	/** The energy planes of slice {@code z} of a stack (shared, not copied). */
	public float[][] slice(int z) {
		float[][] p = new float[energies.length][];
		for (int i = 0; i < p.length; i++) p[i] = stack.plane(i, z);
		return p;
	}
}
