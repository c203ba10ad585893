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

	// --- io ---

	/**
	 * Imports real TXM data (.xrm, .txrm, FXI or Data Exchange .h5, TIFF stack, folder of .xrm frames,
	 * TXM-Wizard ScanInfo_*.txt) as a frame stack with the suite's metadata.
	 */
	FrameStack importData(java.nio.file.Path path, int binning, boolean averageRepeats, boolean includeReference, Progress progress);

	/** Opens an Xradia .txrm/.xrm lazily as a virtual stack (frames read and binned on demand). */
	ImagePlus openVirtual(java.nio.file.Path path, int binning);
}
