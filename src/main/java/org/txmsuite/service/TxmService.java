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
