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

	// --- xanes ---

	/** XANES input: exactly one of an image stack (energies in its metadata) and a spectrum file (CSV, text or XDI). */
	org.txmsuite.xanes.XanesData xanesData(ImagePlus input, java.io.File spectra);

	/** Reference spectra from comma-separated file paths. */
	java.util.List<org.txmsuite.xanes.SpectrumTable> xanesReferences(String paths);

	/** A XANES output as commands hand it out: spectral stacks become hyperstacks, the rest is returned as is. */
	Object xanesOutput(org.txmsuite.xanes.XanesResult result, String name);
}
