package org.txmsuite.service;

import ij.ImagePlus;

import java.util.function.BooleanSupplier;


import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.core.Volume;

/**
 * The one entry point to TXM Suite from scripts ({@code #@ TxmService txm}) and commands. It converts
 * between what macros hand around (ImagePlus) and the data model, and reaches every stage's library.
 */
public interface TxmService extends org.scijava.service.SciJavaService {

	/** A frame stack over an image's slices (float data shared, metadata from Info or slice labels). */
	FrameStack frames(ImagePlus imp);

	/** A float ImagePlus over a frame stack, with slice labels, Info metadata and calibration. */
	ImagePlus image(FrameStack frames, String title);

	Volume volume(ImagePlus imp);

	ImagePlus image(Volume volume, String title);

	SpectralStack spectral(ImagePlus imp);

	ImagePlus image(SpectralStack spectral, String title);

	/** Progress that goes to SciJava's status service (and the headless runner's bar). */
	Progress progress(String task, BooleanSupplier cancelled);

	// --- acquire ---

	/** Checks a scan plan and builds its XMController macro, ScanInfo and estimate (nothing is written). */
	org.txmsuite.acquire.ScanProgram buildScanMacro(org.txmsuite.acquire.ScanPlan plan, Progress progress);

	/** Parses a macro file (stops at the first bad line with {@code line N: ...}) and estimates it. */
	org.txmsuite.acquire.ScanEstimate checkScanMacro(java.nio.file.Path macro, org.txmsuite.acquire.TimingModel timing);

	// --- segment ---

	/** Interior volume of a Pt shell (labels, one row per object, check image). */
	org.txmsuite.segment.ShellResult measurePtShell(Volume volume, org.txmsuite.segment.ShellOptions options, Progress progress);

	/** Volume of a directly visible sample. */
	org.txmsuite.segment.SampleResult measureSample(Volume volume, org.txmsuite.segment.SampleOptions options, Progress progress);

	/** A segmentation's outputs for a command: {@code labels} (8-bit), {@code volumes} (table), {@code view} (RGB). */
	java.util.Map<String, Object> segmentationOutputs(org.txmsuite.segment.SegmentResult result);

	// --- eos ---

	/**
	 * P-V data from a table: columns P/pressure/pressure_gpa, V/volume/volume_um3 (or V/V0), optional
	 * sigP and sigV/uncertainty_um3 (see {@link org.txmsuite.eos.EosData#fromTable}). volumeUnit: auto, A^3,
	 * nm^3, um^3, cm^3/mol or V/V0.
	 */
	org.txmsuite.eos.EosData eosData(ij.measure.ResultsTable table, String volumeUnit);

	/** Fits an equation of state (EosFit7 weighting); the report gives the tables and plots. */
	org.txmsuite.eos.EosReport fitEos(org.txmsuite.eos.EosData data, org.txmsuite.eos.EosOptions options, Progress progress);

	/** Fits the same equation of state separately over each pressure range {pMin, pMax}. */
	org.txmsuite.eos.EosSegments fitEosSegments(org.txmsuite.eos.EosData data, org.txmsuite.eos.EosOptions options,
		double[][] ranges, Progress progress);

	// --- recon ---

	/**
	 * Reconstructs a volume from an ABSORBANCE projection stack (one frame per angle; detector rows
	 * become slices). {@code angles}: "start:stop:step", a comma list or a text file; blank for the
	 * stack's metadata. A stack without TXM metadata is taken to hold absorbance. The convergence
	 * record (mean relative residual per sweep) goes to {@code residuals} when not null.
	 */
	org.txmsuite.core.Volume reconstruct(ImagePlus projections, String angles, org.txmsuite.recon.ReconOptions options,
		Progress progress, java.util.List<Double> residuals);
}
