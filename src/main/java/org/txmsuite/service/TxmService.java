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

	// --- align ---

	/** Angles for a stack from {@code start:stop:step}, a comma list, a file, or (blank) its metadata. */
	double[] angles(String spec, FrameStack stack);

	/** Aligns projections (see {@link org.txmsuite.align.ProjectionAligner}). */
	org.txmsuite.align.AlignResult alignProjections(FrameStack absorbance, double[] anglesDeg, org.txmsuite.align.AlignOptions options, Progress p);

	/** Rotation centre without an opposite pair (see {@link org.txmsuite.align.CenterFinder}). */
	org.txmsuite.align.CenterFinder.Result findCenter(FrameStack absorbance, double[] anglesDeg, double rangePx, int rows, Progress p);

	/** Aligns a spectral stack in shift and scale (see {@link org.txmsuite.align.SpectralAligner}). */
	org.txmsuite.align.SpectralAligner.Result alignSpectral(FrameStack stack, int reference, boolean scale, Progress p);
}
