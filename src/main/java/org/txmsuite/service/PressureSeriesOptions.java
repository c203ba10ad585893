package org.txmsuite.service;

import java.util.Locale;

import org.txmsuite.core.TxmException;
import org.txmsuite.sim.DacSample;

/**
 * The simulated pressure-series experiment: a Pt-coated low-Z core in a DAC whose volume follows a
 * known equation of state (third-order Birch-Murnaghan), scanned at each pressure. Sizes in um,
 * pressures in GPa, K0 in GPa.
 */
public final class PressureSeriesOptions {
	public DacSample.Shape shape = DacSample.Shape.CUBE;
	/** Core size at zero pressure (cube edge, cylinder diameter, sphere diameter), um. */
	public double sizeUm = 3.0;
	public double shellUm = 0.3;
	/** Detector pixel (and voxel) size, nm; detector width and height, pixels. */
	public double pixelNm = 50;
	public int width = 128, height = 112;
	/** {@code two-post} (135 deg) or {@code four-post} (152 deg in two windows). */
	public String cell = "two-post";
	public double stepDeg = 1;
	public double[] pressuresGpa = { 0.0001, 1.5, 3, 4.5, 6, 7.5, 9 };
	/** The true EOS: BM3 with V0 = the core volume at zero pressure. */
	public double k0Gpa = 37, kp = 6;
	/** Pressure uncertainty of each point (ruby gauge), GPa. */
	public double sigmaPGpa = 0.05;
	public double runoutPx = 2, photonsPerSecond = 20000, exposureS = 1;
	public int refsEvery = 10;
	/** Exposures per angle, averaged on import (less photon noise per projection). */
	public int exposuresPerPosition = 3;
	/** TV regularization weight of the SART reconstruction. */
	public double tvWeight = 0.1;
	/**
	 * Non-negativity in the SART reconstruction. Off by default here: with photon noise it clips noise in
	 * the nearly empty interior and medium, and SART then moves grey value out of the shell, so the
	 * interior reads high (+0.8 % at 1.4 % projection noise, against -0.03 % without it, with TV 0.1).
	 */
	public boolean nonnegative = false;
	public int reconIterations = 10;
	/**
	 * Rounds of the reconstructor's discrete refinement (DART, automatic regional levels) after the sweeps:
	 * removes the missing-wedge smear of the Pt shell (3 um core, 0.3 um shell at 50 nm, 0.5 % noise: volume
	 * errors +0.43 / +0.56 / -0.04 % for cube / cylinder / sphere at 135 degrees without, +0.02 / -0.09 /
	 * -0.11 % with 20 rounds; docs/stages/segment.md). Costs about 2.5x the reconstruction time. 0 = off.
	 */
	public int discreteRounds = 20;
	public boolean align = true;
	public long seed = 7;

	/** The fast variant for a quick look (smaller sample and detector, fewer pressures and angles). */
	public static PressureSeriesOptions quick() {
		PressureSeriesOptions o = new PressureSeriesOptions();
		o.sizeUm = 1.6;
		o.shellUm = 0.2;
		o.pixelNm = 50;
		o.width = 72;
		o.height = 64;
		o.stepDeg = 2;
		o.pressuresGpa = new double[] { 0.0001, 3, 6, 9 };
		o.reconIterations = 8;
		// Few voxels across: TV blurs the 4-voxel shell into the interior (reads 0.2-1.3 % low), and without
		// non-negativity the noise scatters these small volumes by 1-2 %; this pair is the steadier here.
		o.tvWeight = 0;
		o.nonnegative = true;
		o.discreteRounds = 0; // not validated on 4-voxel shells with non-negativity
		return o;
	}

	/** Checks the options; throws naming the bad value. */
	public PressureSeriesOptions check() {
		if (!(sizeUm > 0) || !(shellUm > 0)) throw new TxmException("size and shell must be > 0 um, got " + sizeUm + ", " + shellUm);
		if (pressuresGpa.length < 4)
			throw new TxmException("a pressure series needs at least 4 pressures for a BM3 fit, got " + pressuresGpa.length);
		for (double p : pressuresGpa)
			if (!(p >= 0)) throw new TxmException("pressures must be >= 0 GPa, got " + p);
		if (!cell.toLowerCase(Locale.ROOT).matches("two-post|four-post"))
			throw new TxmException("cell must be two-post or four-post, got '" + cell + "'");
		return this;
	}

	/** Parses a pressure list like {@code 0,1.5,3,4.5}. */
	public static double[] parsePressures(String text) {
		String[] parts = text.split("[,\\s]+");
		double[] p = new double[parts.length];
		for (int i = 0; i < p.length; i++) {
			try {
				p[i] = Math.max(1e-4, Double.parseDouble(parts[i].trim()));
			}
			catch (NumberFormatException e) {
				throw new TxmException("pressures must be numbers in GPa separated by commas, got '" + parts[i] + "'");
			}
		}
		return p;
	}
}
