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

	// --- normalize ---

	/**
	 * Reference normalization: the input's sample frames divided by references (its flat frames and/or
	 * a separate flats stack) after dark subtraction, as transmission or absorbance.
	 */
	org.txmsuite.normalize.NormalizeResult normalize(FrameStack input, FrameStack flats, FrameStack darks,
		org.txmsuite.normalize.NormalizeOptions options, Progress progress);
}
