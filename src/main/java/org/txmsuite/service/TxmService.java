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
}
