package org.txmsuite.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Conversions between the suite's data model, ImageJ 1.x {@link ImagePlus} (what macros hand around)
 * and ImgLib2. Float data is wrapped, never copied: the ImagePlus, the {@link FrameStack} and the
 * {@link PlanarImg} share the same {@code float[]} slices. Other pixel types are converted to float.
 */
public final class ImageJ1Views {
	private ImageJ1Views() {}

	/** A float ImagePlus over the stack's frames, with slice labels, Info metadata and calibration in nm. */
	public static ImagePlus toImagePlus(FrameStack s, String title) {
		ImageStack st = new ImageStack(s.width(), s.height());
		for (int i = 0; i < s.size(); i++) st.addSlice(MetadataCodec.sliceLabel(s.info(i)), s.pixels(i));
		ImagePlus imp = new ImagePlus(title, st);
		imp.setProperty("Info", MetadataCodec.encode(s));
		calibrate(imp, s.pixelSizeNm(), s.pixelSizeNm(), Double.NaN);
		return imp;
	}

	/**
	 * A frame stack over an ImagePlus's slices. Metadata comes from the TXM Info block if present,
	 * else from slice labels ({@code flat...}/{@code ref...} references, {@code dark...} darks).
	 * A hyperstack's planes are taken in stack order.
	 */
	public static FrameStack toFrameStack(ImagePlus imp) {
		if (imp == null) throw new TxmException("no image given");
		ImageStack st = imp.getStack();
		FrameStack s = new FrameStack(imp.getWidth(), imp.getHeight());
		String info = infoOf(imp);
		List<FrameInfo> infos = MetadataCodec.hasMetadata(info) ? MetadataCodec.decodeFrames(info) : List.of();
		if (!infos.isEmpty() && infos.size() != st.getSize())
			throw new TxmException("image '" + imp.getTitle() + "' has " + st.getSize() + " slices but its metadata lists "
				+ infos.size() + " frames");
		for (int i = 0; i < st.getSize(); i++) {
			FrameInfo f = infos.isEmpty() ? MetadataCodec.fromSliceLabel(st.getSliceLabel(i + 1)) : infos.get(i);
			s.add(floatPixels(st.getProcessor(i + 1)), f);
		}
		if (MetadataCodec.hasMetadata(info)) MetadataCodec.decodeStack(info, s);
		else {
			Calibration c = imp.getCalibration();
			double nm = toNm(c.pixelWidth, c.getUnit());
			if (Double.isFinite(nm)) s.pixelSizeNm(nm);
			s.source(imp.getTitle());
		}
		return s;
	}

	/** A float ImagePlus over the volume's slices, calibrated in nm. */
	public static ImagePlus toImagePlus(Volume v, String title) {
		ImageStack st = new ImageStack(v.width(), v.height());
		for (int z = 0; z < v.depth(); z++) st.addSlice("z=" + z, v.slice(z));
		ImagePlus imp = new ImagePlus(title, st);
		imp.setProperty("Info", MetadataCodec.HEADER + "\ntxm.type=volume\ntxm.voxel_nm=" + MetadataCodec.num(v.voxelXNm())
			+ "," + MetadataCodec.num(v.voxelYNm()) + "," + MetadataCodec.num(v.voxelZNm()) + "\n" + thetaLine(v.thetaDeg()));
		calibrate(imp, v.voxelXNm(), v.voxelYNm(), v.voxelZNm());
		return imp;
	}

	/** A volume over an ImagePlus's slices; voxel size from metadata or calibration (nm or um units). */
	public static Volume toVolume(ImagePlus imp) {
		if (imp == null) throw new TxmException("no image given");
		ImageStack st = imp.getStack();
		float[][] slices = new float[st.getSize()][];
		for (int z = 0; z < slices.length; z++) slices[z] = floatPixels(st.getProcessor(z + 1));
		Volume v = new Volume(imp.getWidth(), imp.getHeight(), slices);
		String vox = MetadataCodec.value(infoOf(imp), "voxel_nm");
		if (vox != null) {
			String[] p = vox.split(",");
			v.voxelSizeNm(MetadataCodec.parse(p[0]), MetadataCodec.parse(p[1]), MetadataCodec.parse(p[2]));
		}
		else {
			Calibration c = imp.getCalibration();
			v.voxelSizeNm(toNm(c.pixelWidth, c.getUnit()), toNm(c.pixelHeight, c.getUnit()), toNm(c.pixelDepth, c.getUnit()));
		}
		String theta = MetadataCodec.value(infoOf(imp), "theta_deg");
		if (theta != null && !theta.isBlank()) {
			String[] p = theta.split(",");
			double[] a = new double[p.length];
			for (int k = 0; k < p.length; k++) a[k] = MetadataCodec.parse(p[k].trim());
			v.thetaDeg(a);
		}
		return v;
	}

	/** The Info line recording a volume's projection angles ({@code txm.theta_deg=a,b,...}), or "" if unknown. */
	static String thetaLine(double[] thetaDeg) {
		if (thetaDeg == null || thetaDeg.length == 0) return "";
		StringBuilder b = new StringBuilder("txm.theta_deg=");
		for (int k = 0; k < thetaDeg.length; k++) b.append(k > 0 ? "," : "").append(MetadataCodec.num(thetaDeg[k]));
		return b.append('\n').toString();
	}

	/** A hyperstack (z slices, energies as frames) over a spectral stack's planes. */
	public static ImagePlus toImagePlus(SpectralStack s, String title) {
		ImageStack st = new ImageStack(s.width(), s.height());
		StringBuilder info = new StringBuilder(MetadataCodec.HEADER).append("\ntxm.type=spectral\ntxm.state=")
			.append(s.state().name()).append("\ntxm.pixel_size_nm=").append(MetadataCodec.num(s.pixelSizeNm()))
			.append("\ntxm.depth=").append(s.depth()).append('\n');
		for (int e = 0; e < s.energyCount(); e++) {
			info.append("txm.frame=sample\tNaN\t").append(MetadataCodec.num(s.energyEv(e))).append("\tNaN\tNaN\t\t\n");
			for (int z = 0; z < s.depth(); z++)
				st.addSlice(String.format(java.util.Locale.ROOT, "%.2feV z=%d", s.energyEv(e), z), s.plane(e, z));
		}
		ImagePlus imp = new ImagePlus(title, st);
		if (s.depth() > 1 || s.energyCount() > 1) imp.setDimensions(1, s.depth(), s.energyCount());
		imp.setProperty("Info", info.toString());
		calibrate(imp, s.pixelSizeNm(), s.pixelSizeNm(), Double.NaN);
		return imp;
	}

	/**
	 * A spectral stack over an ImagePlus. Energies come from the metadata (one per energy) or slice
	 * labels; a hyperstack's frames are energies and its slices z; a plain stack is 2D over energy.
	 */
	public static SpectralStack toSpectralStack(ImagePlus imp) {
		if (imp == null) throw new TxmException("no image given");
		String info = infoOf(imp);
		ImageStack st = imp.getStack();
		int depth = 1;
		String d = MetadataCodec.value(info, "depth");
		if (d != null) depth = Integer.parseInt(d);
		else if (imp.getNFrames() > 1 && imp.getNSlices() > 1) depth = imp.getNSlices();
		int nE = st.getSize() / depth;
		double[] energies = new double[nE];
		List<FrameInfo> infos = MetadataCodec.hasMetadata(info) ? MetadataCodec.decodeFrames(info) : new ArrayList<>();
		for (int e = 0; e < nE; e++) {
			energies[e] = infos.size() == nE ? infos.get(e).energyEv()
				: MetadataCodec.fromSliceLabel(st.getSliceLabel(e * depth + 1)).energyEv();
			if (!Double.isFinite(energies[e]))
				throw new TxmException("image '" + imp.getTitle() + "': energy " + (e + 1) + " of " + nE
					+ " is unknown; expected energies in the TXM metadata or slice labels like '8333.0eV'");
		}
		float[][] planes = new float[st.getSize()][];
		for (int i = 0; i < planes.length; i++) planes[i] = floatPixels(st.getProcessor(i + 1));
		SpectralStack s = new SpectralStack(imp.getWidth(), imp.getHeight(), depth, energies, planes);
		String state = MetadataCodec.value(info, "state");
		if (state != null) s.state(DataState.parse(state));
		String px = MetadataCodec.value(info, "pixel_size_nm");
		s.pixelSizeNm(px != null ? MetadataCodec.parse(px) : toNm(imp.getCalibration().pixelWidth, imp.getCalibration().getUnit()));
		return s;
	}

	/** A single float image (a map) with a title, calibrated in nm. */
	public static ImagePlus map(String title, int width, int height, float[] pixels, double pixelSizeNm) {
		ImagePlus imp = new ImagePlus(title, new FloatProcessor(width, height, pixels));
		calibrate(imp, pixelSizeNm, pixelSizeNm, Double.NaN);
		return imp;
	}

	/** An ImgLib2 view (x, y, frame) over the stack's frames; no copy. */
	public static Img<FloatType> toImg(FrameStack s) {
		List<float[]> f = s.frames();
		return planar(s.width(), s.height(), f.toArray(new float[0][]));
	}

	/** An ImgLib2 view (x, y, z) over the volume's slices; no copy. */
	public static Img<FloatType> toImg(Volume v) {
		return planar(v.width(), v.height(), v.slices());
	}

	private static PlanarImg<FloatType, FloatArray> planar(int w, int h, float[][] slices) {
		List<FloatArray> arrays = new ArrayList<>(slices.length);
		for (float[] a : slices) arrays.add(new FloatArray(a));
		PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(arrays, new long[] { w, h, slices.length }, new Fraction());
		img.setLinkedType(new FloatType(img));
		return img;
	}

	/** The processor's pixels as float: the array itself for float data, a converted copy otherwise. */
	public static float[] floatPixels(ImageProcessor ip) {
		if (ip instanceof FloatProcessor) return (float[]) ip.getPixels();
		return (float[]) ip.convertToFloatProcessor().getPixels();
	}

	private static String infoOf(ImagePlus imp) {
		Object info = imp.getProperty("Info");
		return info == null ? imp.getInfoProperty() : info.toString();
	}

	private static void calibrate(ImagePlus imp, double xNm, double yNm, double zNm) {
		if (!Double.isFinite(xNm)) return;
		Calibration c = imp.getCalibration();
		c.setUnit("nm");
		c.pixelWidth = xNm;
		c.pixelHeight = Double.isFinite(yNm) ? yNm : xNm;
		c.pixelDepth = Double.isFinite(zNm) ? zNm : xNm;
	}

	private static double toNm(double size, String unit) {
		if (unit == null || !(size > 0)) return Double.NaN;
		switch (unit.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "nm": return size;
			case "um": case "micron": case "microns": case "\u00b5m": case "\u03bcm": return size * 1000;
			case "mm": return size * 1e6;
			default: return Double.NaN;
		}
	}
}
