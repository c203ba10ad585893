package org.txmsuite.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.TxmException;

/** ImageJ TIFF in and out, keeping slice labels, calibration and the suite's Info metadata. */
public final class TiffIO {
	private TiffIO() {}

	/** Saves an image as an ImageJ TIFF, atomically. */
	public static void save(ImagePlus imp, Path path) throws IOException {
		AtomicFiles.write(path, tmp -> {
			FileSaver fs = new FileSaver(imp);
			boolean ok = imp.getStackSize() > 1 ? fs.saveAsTiffStack(tmp.toString()) : fs.saveAsTiff(tmp.toString());
			if (!ok) throw new IOException("could not write TIFF " + path);
		});
	}

	/** Saves a frame stack (with metadata) as an ImageJ TIFF. */
	public static void save(FrameStack s, Path path) throws IOException {
		save(ImageJ1Views.toImagePlus(s, path.getFileName().toString()), path);
	}

	/** Opens any image ImageJ 1.x can read (TIFF first of all), with a clear error if it cannot. */
	public static ImagePlus open(Path path) {
		if (!Files.isRegularFile(path)) throw new TxmException("image file not found: " + path);
		ImagePlus imp = new Opener().openImage(path.toAbsolutePath().toString());
		if (imp == null)
			throw new TxmException("cannot read image " + path + ": not a TIFF or other format ImageJ opens, or truncated");
		return imp;
	}

	/** Opens a TIFF as a frame stack (metadata from the Info block or slice labels). */
	public static FrameStack openFrames(Path path) {
		return ImageJ1Views.toFrameStack(open(path));
	}
}
