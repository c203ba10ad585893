package org.txmsuite.service;

import org.txmsuite.core.TxmException;

/**
 * The simulated 2D XANES experiment: a Ni K-edge cathode particle (Ni2+/Ni3+ domains and a Ni
 * metal-like minority phase) on a square detector, scanned over energy with references at every
 * energy (ABBA order), its image displaced at each energy move and magnified slightly with energy.
 */
public final class XanesSeriesOptions {
	/** Detector width and height (pixels) and pixel size (nm). */
	public int size = 96;
	public double pixelNm = 30;
	/** Energy regions {@code start:end:step,...} in eV. */
	public String energies = "8250:8320:10,8322:8370:1,8380:8550:15";
	/** Optical density of the edge step at the particle's full thickness; minority phase area fraction. */
	public double edgeStep = 1.0, minority = 0.03;
	public double exposureS = 1, photonsPerSecond = 20000;
	/** Largest image displacement per energy move (pixels), and the magnification change over 300 eV (SSRL: the field grows with E). */
	public double energyRunoutPx = 2, magnificationPer300Ev = -0.005;
	/**
	 * How the spectral alignment models the magnification: {@code LINEAR} in energy (default), {@code PER_ENERGY}
	 * or {@code NONE} (translation only).
	 */
	public org.txmsuite.align.SpectralAligner.ScaleModel scale = org.txmsuite.align.SpectralAligner.ScaleModel.LINEAR;
	/** Cluster analysis: clusters and PCA components. */
	public int clusters = 4, components = 4;
	/** Box smoothing radius of the whiteline fit (pixels). */
	public int smoothing = 1;
	public long seed = 5;

	/** The fast variant (48 x 48 pixels, 38 energies). */
	public static XanesSeriesOptions quick() {
		XanesSeriesOptions o = new XanesSeriesOptions();
		o.size = 48;
		o.energies = "8250:8320:14,8324:8360:1.5,8370:8550:30";
		return o;
	}

	/** Checks the options; throws naming the bad value. */
	public XanesSeriesOptions check() {
		if (size < 24 || size > 1024) throw new TxmException("XANES demo detector size must be 24..1024 pixels, got " + size);
		if (!(pixelNm > 0)) throw new TxmException("pixel size must be > 0 nm, got " + pixelNm);
		if (!(edgeStep > 0) || edgeStep > 4) throw new TxmException("edge step must be in (0, 4] (optical density), got " + edgeStep);
		if (!(minority >= 0 && minority <= 0.3)) throw new TxmException("minority phase area fraction must be 0..0.3, got " + minority);
		if (!(exposureS > 0) || !(photonsPerSecond > 0)) throw new TxmException("exposure and photon rate must be > 0, got " + exposureS + " s, " + photonsPerSecond + " /s");
		if (clusters < 2 || clusters > 20) throw new TxmException("clusters must be 2..20, got " + clusters);
		return this;
	}
}
