package org.txmsuite.io;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;

import org.txmsuite.core.TxmException;

/**
 * Opens an image input given as a path, whatever its format: the headless launcher and the macro
 * bridge use this for every image parameter. TIFF and other ImageJ formats for now.
 */
public final class ImageFiles {
	private ImageFiles() {}

	public static ImagePlus open(Path path) {
		if (!Files.exists(path)) throw new TxmException("file not found: " + path);
		return TiffIO.open(path);
	}
}
