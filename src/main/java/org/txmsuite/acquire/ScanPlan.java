package org.txmsuite.acquire;

import java.util.ArrayList;
import java.util.List;

/**
 * What to acquire: the scan-plan model the macro generator turns into XMController instructions.
 * Plain fields with defaults; {@link ScanGenerator#generate} checks them and refuses invalid plans
 * with a message naming the field. Positions are stage coordinates in µm, angles in degrees,
 * energies in eV, times in seconds.
 */
public final class ScanPlan {
	/** More collections than this need {@link #confirmLarge}. */
	public static final long LARGE_SCAN_FRAMES = 100_000;

	public ScanType type = ScanType.TOMOGRAPHY;
	public String sampleName = "sample";

	// Rotation (tomography, xanes3d)
	public double angleStart = -90, angleEnd = 90, angleStep = 1;
	/** Evenly spaced angles from start to end (ends included) when > 0; else {@link #angleStep} is used. */
	public int angleCount = 0;
	/** Open angular windows [from, to] in degrees; empty: no cell, all angles allowed. */
	public List<double[]> angleWindows = new ArrayList<>();

	// Energy
	/** Energies in eV (xanes: the scan; tomography/mosaic: at most one, or none to leave the energy alone). */
	public double[] energies = new double[0];
	/** Zone-plate/detector positions following energy; null for none. */
	public ZonePlateCalibration zpCalibration;
	/** Energies are approached from below: a move down first goes this far below the target (0: off). */
	public double backlashEv = 0;
	/** Wait after each energy change (the mono and zone plate settle; collect does not wait). */
	public double energyWaitS = 0;

	// Exposures
	public double exposureS = 1;
	public int exposuresPerPosition = 1;
	public int binning = 1;

	// References and darks
	public double refExposureS = 1;
	public int refExposures = 1;
	/** A reference block after every this many sample positions (0: none). */
	public int refsEvery = 0;
	/** A reference block before the first and after the last position of each repeat. */
	public boolean refsBeforeAfter = false;
	/** ABBA order: reference blocks alternate after / before their group, halving sample moves. */
	public boolean abba = false;
	/** Out-of-beam position for references. */
	public double refXUm = 0, refYUm = 0;
	/** In-beam sample position (mosaic centre). */
	public double sampleXUm = 0, sampleYUm = 0;
	/** Dark frames taken once at the start, at the sample exposure (beam shutter closed). */
	public int darks = 0;

	// Mosaic
	public double mosaicWidthUm = 0, mosaicHeightUm = 0, mosaicFovUm = 36, mosaicOverlap = 0.15;

	// Repeats
	public int repeats = 1;
	public double repeatWaitS = 0;

	/** Allows more than {@link #LARGE_SCAN_FRAMES} collections. */
	public boolean confirmLarge = false;

	/** Timing used for the duration estimate. */
	public TimingModel timing = new TimingModel();
}
