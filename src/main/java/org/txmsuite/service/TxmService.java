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

	// --- normalize ---

	/**
	 * Reference normalization: the input's sample frames divided by references (its flat frames and/or
	 * a separate flats stack) after dark subtraction, as transmission or absorbance.
	 */
	org.txmsuite.normalize.NormalizeResult normalize(FrameStack input, FrameStack flats, FrameStack darks,
		org.txmsuite.normalize.NormalizeOptions options, Progress progress);

	// --- xanes ---

	/** XANES input: exactly one of an image stack (energies in its metadata) and a spectrum file (CSV, text or XDI). */
	org.txmsuite.xanes.XanesData xanesData(ImagePlus input, java.io.File spectra);

	/** Reference spectra from comma-separated file paths. */
	java.util.List<org.txmsuite.xanes.SpectrumTable> xanesReferences(String paths);

	/** A XANES output as commands hand it out: spectral stacks become hyperstacks, the rest is returned as is. */
	Object xanesOutput(org.txmsuite.xanes.XanesResult result, String name);

	// --- align ---

	/** Angles for a stack from {@code start:stop:step}, a comma list, a file, or (blank) its metadata. */
	double[] angles(String spec, FrameStack stack);

	/** Aligns projections (see {@link org.txmsuite.align.ProjectionAligner}). */
	org.txmsuite.align.AlignResult alignProjections(FrameStack absorbance, double[] anglesDeg, org.txmsuite.align.AlignOptions options, Progress p);

	/** Rotation centre without an opposite pair (see {@link org.txmsuite.align.CenterFinder}). */
	org.txmsuite.align.CenterFinder.Result findCenter(FrameStack absorbance, double[] anglesDeg, double rangePx, int rows, Progress p);

	/** Aligns a spectral stack in shift and scale (see {@link org.txmsuite.align.SpectralAligner}). */
	org.txmsuite.align.SpectralAligner.Result alignSpectral(FrameStack stack, int reference, org.txmsuite.align.SpectralAligner.ScaleModel scale, Progress p);

	// --- io ---

	/**
	 * Imports real TXM data (.xrm, .txrm, FXI or Data Exchange .h5, TIFF stack, folder of .xrm frames,
	 * TXM-Wizard ScanInfo_*.txt) as a frame stack with the suite's metadata.
	 */
	FrameStack importData(java.nio.file.Path path, int binning, boolean averageRepeats, boolean includeReference, Progress progress);

	/** Opens an Xradia .txrm/.xrm lazily as a virtual stack (frames read and binned on demand). */
	ImagePlus openVirtual(java.nio.file.Path path, int binning);

	// --- stage ---

	/**
	 * Starts an instrument simulator (motors and CCD on Channel Access, loopback only) serving PVs
	 * {@code prefix...} on 127.0.0.1:{@code port} (0: a free port); it runs until closed or the context ends.
	 */
	org.txmsuite.stage.InstrumentSimulator startSimulator(org.txmsuite.stage.InstrumentSimulator.Config config);

	/**
	 * Runs (or resumes) an acquisition macro against {@code instrument} ("simulator" or a CA prefix on
	 * 127.0.0.1:{@code port}), saving frames and {@code run_log.csv} into {@code outDir}.
	 */
	org.txmsuite.stage.ScanRunner.Result runScanMacro(java.nio.file.Path macro, String instrument, int port, java.nio.file.Path outDir,
		boolean tiffOnly, org.txmsuite.stage.InstrumentSimulator.Config simulator, Progress progress);

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
