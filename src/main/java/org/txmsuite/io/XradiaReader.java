package org.txmsuite.io;

import java.nio.file.Path;
import java.util.stream.IntStream;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;

/**
 * Reads Xradia {@code .xrm} (one frame) and {@code .txrm} (a series) files into the data model: pixels
 * as float (all DataType values of the format), pixel size, angles, energies (file name, then the
 * PositionInfo Energy axis, when the stored energy is 0), exposures, binning and motor positions by
 * axis name. The embedded reference image is read separately by {@link #reference(Path)}.
 */
public final class XradiaReader {
	private XradiaReader() {}

	/** All image frames of the file (the embedded reference not included). */
	public static FrameStack read(Path path) {
		return read(path, 1, Progress.NONE);
	}

	/**
	 * All image frames, binned {@code bin x bin} on the fly (frame by frame, so a series larger than
	 * the heap can be read binned).
	 */
	public static FrameStack read(Path path, int bin, Progress progress) {
		try (XradiaFile f = XradiaFile.open(path)) {
			return read(f, bin, progress);
		}
	}

	/** All image frames of an open file, binned. */
	public static FrameStack read(XradiaFile f, int bin, Progress progress) {
		Path path = f.path();
		FrameStack s = header(f, bin);
		float[][] frames = new float[f.size()][];
		int[] done = { 0 };
		IntStream.range(0, f.size()).parallel().forEach(i -> {
			progress.checkCancelled();
			float[] px;
			synchronized (f) {
				px = f.frame(i);
			}
			frames[i] = Binning.bin(px, f.width(), f.height(), bin);
			synchronized (done) {
				progress.report(++done[0], f.size(), "reading " + path.getFileName());
			}
		});
		for (int i = 0; i < frames.length; i++) s.add(frames[i], f.info(i));
		return s;
	}

	/** The embedded reference image as a one-frame stack of kind flat, or null if the file has none. */
	public static FrameStack reference(Path path) {
		return reference(path, 1);
	}

	/** The embedded reference, binned; null if none. */
	public static FrameStack reference(Path path, int bin) {
		try (XradiaFile f = XradiaFile.open(path)) {
			if (!f.hasReference()) return null;
			FrameStack s = header(f, bin);
			FrameInfo info = f.referenceInfo();
			info.kind(FrameKind.FLAT);
			s.add(Binning.bin(f.reference(), f.width(), f.height(), bin), info);
			return s;
		}
	}

	/** An empty stack with the file's frame size (after binning) and stack-level metadata. */
	static FrameStack header(XradiaFile f, int bin) {
		int b = Binning.check(bin, f.width(), f.height(), f.path().toString());
		return new FrameStack(f.width() / b, f.height() / b).pixelSizeNm(f.pixelSizeNm() * b)
			.binning(Math.max(1, f.horizontalBin()) * b).source(f.path().toString());
	}
}
