package org.txmsuite.io;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;

import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.TxmException;

/**
 * Opens an image input given as a path, whatever its format: the headless launcher and the macro
 * bridge use this for every image parameter. Xradia {@code .xrm}/{@code .txrm}, FXI and Data Exchange
 * HDF5, TXM-Wizard ScanInfo files and folders of {@code .xrm} frames go through {@link TxmImport} (with
 * the suite's metadata); TIFF and other ImageJ formats through ImageJ. A {@code .txrm} larger than a
 * quarter of the heap is opened as a virtual stack.
 */
public final class ImageFiles {
	private ImageFiles() {}

	public static ImagePlus open(Path path) {
		if (!Files.exists(path)) throw new TxmException("file not found: " + path);
		if (!TxmImport.isTxmData(path)) return TiffIO.open(path);
		String title = path.getFileName().toString();
		if (title.toLowerCase(java.util.Locale.ROOT).endsWith(".txrm") && largerThanHeap(path))
			return XradiaVirtualStack.open(path, 1);
		return ImageJ1Views.toImagePlus(TxmImport.open(path), title);
	}

	/** True if the file is larger than a quarter of the maximum heap (float frames take twice uint16). */
	static boolean largerThanHeap(Path path) {
		try {
			return Files.size(path) > Runtime.getRuntime().maxMemory() / 4;
		}
		catch (java.io.IOException e) {
			return false;
		}
	}
}
