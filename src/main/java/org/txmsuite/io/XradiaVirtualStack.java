package org.txmsuite.io;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.nio.file.Path;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.MetadataCodec;

/**
 * An ImageJ virtual stack over an Xradia {@code .txrm}: frames are read (and binned) from the file when
 * ImageJ asks for them, so a series larger than the heap can be browsed and processed slice by slice.
 * The file stays open while the stack is in use.
 */
public final class XradiaVirtualStack extends VirtualStack {
	private final XradiaFile file;
	private final int bin;
	private final FrameStack meta;

	public XradiaVirtualStack(Path path, int bin) {
		this(XradiaFile.open(path), bin);
	}

	private XradiaVirtualStack(XradiaFile f, int bin) {
		super(f.width() / Binning.check(bin, f.width(), f.height(), f.path().toString()), f.height() / bin, null,
			f.path().toAbsolutePath().getParent().toString());
		this.file = f;
		this.bin = bin;
		// metadata only: every frame slot shares one placeholder array
		meta = XradiaReader.header(f, bin);
		float[] none = new float[meta.width() * meta.height()];
		for (int i = 0; i < f.size(); i++) meta.add(none, f.info(i));
	}

	/** A virtual ImagePlus with the suite's metadata (Info block, slice labels, calibration in nm). */
	public static ImagePlus open(Path path, int bin) {
		XradiaVirtualStack vs = new XradiaVirtualStack(path, bin);
		ImagePlus shell = ImageJ1Views.toImagePlus(vs.meta.select(new int[] { 0 }), path.getFileName().toString());
		ImagePlus imp = new ImagePlus(path.getFileName().toString(), vs);
		imp.setCalibration(shell.getCalibration());
		imp.setProperty("Info", MetadataCodec.encode(vs.meta));
		return imp;
	}

	@Override
	public synchronized ImageProcessor getProcessor(int n) {
		return new FloatProcessor(getWidth(), getHeight(), Binning.bin(file.frame(n - 1), file.width(), file.height(), bin));
	}

	@Override
	public int getSize() {
		return file.size();
	}

	@Override
	public String getSliceLabel(int n) {
		FrameInfo f = meta.info(n - 1);
		return MetadataCodec.sliceLabel(f);
	}

	@Override
	public int getBitDepth() {
		return 32;
	}

	@Override
	public void deleteSlice(int n) {
		throw new UnsupportedOperationException("slices of an Xradia file opened lazily cannot be deleted");
	}

	/** Closes the underlying file. */
	public void close() {
		file.close();
	}
}
