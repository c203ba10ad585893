package org.txmsuite.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.datatype.FixedPoint;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.MetadataCodec;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * HDF5 in and out with the pure-Java jHDF library: NSLS-II FXI files (tomography {@code /img_tomo},
 * {@code /img_bkg}, {@code /img_dark}, {@code /angle}, {@code /X_eng}; 2D XANES {@code /img_xanes}, which
 * is already flat/dark normalized and is flagged {@link DataState#TRANSMISSION}) and Data Exchange
 * ({@code /exchange/data}, {@code data_white}, {@code data_dark}, {@code theta}) as TomoPy and
 * TXM_Sandbox use them. Stacks read come in the order samples, flats, darks.
 */
public final class Hdf5Io {
	/** Where {@link #writeDataExchange} keeps the suite's full metadata (text, see {@link MetadataCodec}). */
	public static final String METADATA = "/txm_suite/metadata";
	private static final Pattern LENGTH = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)\\s*([a-zA-Z\u00b5\u03bc]*)\\s*");

	private Hdf5Io() {}

	/** What kind of HDF5 file this is. */
	public enum Layout { DATA_EXCHANGE, FXI_TOMO, FXI_XANES, UNKNOWN }

	public static Layout layout(Path path) {
		try (HdfFile f = open(path)) {
			return layout(f);
		}
	}

	private static Layout layout(HdfFile f) {
		if (exists(f, "/exchange/data")) return Layout.DATA_EXCHANGE;
		if (exists(f, "/img_xanes")) return Layout.FXI_XANES;
		if (exists(f, "/img_tomo")) return Layout.FXI_TOMO;
		return Layout.UNKNOWN;
	}

	/** Reads an FXI or Data Exchange file, whichever it is. */
	public static FrameStack read(Path path, int bin, Progress progress) {
		try (HdfFile f = open(path)) {
			switch (layout(f)) {
				case DATA_EXCHANGE: return dataExchange(f, path, bin, progress);
				case FXI_TOMO: case FXI_XANES: return fxi(f, path, bin, progress);
				default:
					throw new TxmException(path + ": HDF5 file with neither /exchange/data (Data Exchange) nor /img_tomo or "
						+ "/img_xanes (FXI); its top-level items are " + f.getChildren().keySet());
			}
		}
	}

	public static FrameStack readFxi(Path path) {
		return readFxi(path, 1, Progress.NONE);
	}

	/** An FXI tomography or 2D XANES file, binned on the fly. */
	public static FrameStack readFxi(Path path, int bin, Progress progress) {
		try (HdfFile f = open(path)) {
			return fxi(f, path, bin, progress);
		}
	}

	public static FrameStack readDataExchange(Path path) {
		return readDataExchange(path, 1, Progress.NONE);
	}

	/** A Data Exchange file, binned on the fly. */
	public static FrameStack readDataExchange(Path path, int bin, Progress progress) {
		try (HdfFile f = open(path)) {
			return dataExchange(f, path, bin, progress);
		}
	}

	private static HdfFile open(Path path) {
		if (!Files.isRegularFile(path)) throw new TxmException("HDF5 file not found: " + path);
		try {
			return new HdfFile(path);
		}
		catch (RuntimeException e) {
			throw new TxmException(path + ": not a readable HDF5 file (" + e.getMessage() + "); it may be truncated or of another format", e);
		}
	}

	private static FrameStack fxi(HdfFile f, Path path, int bin, Progress progress) {
		try {
			boolean xanes = exists(f, "/img_xanes");
			if (!xanes && !exists(f, "/img_tomo"))
				throw new TxmException(path + ": not an FXI file: neither /img_tomo nor /img_xanes is present");
			Dataset data = f.getDatasetByPath(xanes ? "/img_xanes" : "/img_tomo");
			int[] dims = frameDims(data, path);
			int b = Binning.check(bin, dims[2], dims[1], path.toString());
			FrameStack s = new FrameStack(dims[2] / b, dims[1] / b).binning(b).source(path.toString());
			s.pixelSizeNm(fxiPixelSizeNm(f, path) * b);
			double[] eng = exists(f, "/X_eng") ? toDoubles(f.getDatasetByPath("/X_eng").getData()) : new double[0];
			for (int i = 0; i < eng.length; i++) if (eng[i] > 0 && eng[i] < 70) eng[i] *= 1000; // keV -> eV
			double e0 = eng.length > 0 ? eng[0] : Double.NaN;
			if (xanes) {
				s.state(DataState.TRANSMISSION);
				if (eng.length > 1 && eng.length != dims[0])
					throw new TxmException(path + ": /img_xanes has " + dims[0] + " images but /X_eng lists " + eng.length + " energies");
				addFrames(s, data, dims, b, path, progress,
					i -> new FrameInfo(FrameKind.SAMPLE, Double.NaN, eng.length > 1 ? eng[i] : e0, Double.NaN));
				return s;
			}
			double[] angle = exists(f, "/angle") ? toDoubles(f.getDatasetByPath("/angle").getData()) : new double[0];
			addFrames(s, data, dims, b, path, progress,
				i -> new FrameInfo(FrameKind.SAMPLE, i < angle.length ? angle[i] : Double.NaN, e0, Double.NaN));
			addKind(f, "/img_bkg", s, FrameKind.FLAT, e0, b, path, progress);
			addKind(f, "/img_dark", s, FrameKind.DARK, e0, b, path, progress);
			return s;
		}
		catch (TxmException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new TxmException(path + ": cannot read FXI data (" + e + "); the file may be truncated", e);
		}
	}

	private static void addKind(HdfFile f, String name, FrameStack s, FrameKind kind, double energy, int b, Path path, Progress p) {
		if (!exists(f, name)) return;
		Dataset d = f.getDatasetByPath(name);
		int[] dims = frameDims(d, path);
		if (dims[1] / b != s.height() || dims[2] / b != s.width())
			throw new TxmException(path + ": " + name + " frames are " + dims[2] + "x" + dims[1] + ", the data frames "
				+ (s.width() * b) + "x" + (s.height() * b));
		addFrames(s, d, dims, b, path, p, i -> new FrameInfo(kind, Double.NaN, energy, Double.NaN));
	}

	/** FXI {@code /Pixel Size}: a number (nm) or text such as {@code "21.7nm"}; NaN if absent. */
	static double fxiPixelSizeNm(HdfFile f, Path path) {
		if (!exists(f, "/Pixel Size")) return Double.NaN;
		Object v = f.getDatasetByPath("/Pixel Size").getData();
		if (v instanceof String || (v.getClass().isArray() && v.getClass().getComponentType() == String.class)) {
			String text = v instanceof String ? (String) v : ((String[]) v)[0];
			double nm = lengthNm(text, "nm");
			if (Double.isNaN(nm)) throw new TxmException(path + ": /Pixel Size '" + text + "' is not a length like '21.7nm'");
			return nm;
		}
		double[] d = toDoubles(v);
		return d.length > 0 && d[0] > 0 ? d[0] : Double.NaN;
	}

	/** A length with an optional unit ({@code nm}, {@code um}, {@code µm}, {@code mm}, {@code m}) in nm; NaN if not a length. */
	static double lengthNm(String text, String defaultUnit) {
		Matcher m = LENGTH.matcher(text == null ? "" : text);
		if (!m.matches()) return Double.NaN;
		double v = Double.parseDouble(m.group(1));
		String u = m.group(2).isEmpty() ? defaultUnit : m.group(2).toLowerCase(Locale.ROOT);
		switch (u) {
			case "nm": return v;
			case "um": case "\u00b5m": case "\u03bcm": case "micron": case "microns": return v * 1000;
			case "mm": return v * 1e6;
			case "m": return v * 1e9;
			default: return Double.NaN;
		}
	}

	private static FrameStack dataExchange(HdfFile f, Path path, int bin, Progress progress) {
		try {
			if (!exists(f, "/exchange/data"))
				throw new TxmException(path + ": not a Data Exchange file: /exchange/data is missing");
			Dataset data = f.getDatasetByPath("/exchange/data");
			int[] dims = frameDims(data, path);
			int b = Binning.check(bin, dims[2], dims[1], path.toString());
			FrameStack s = new FrameStack(dims[2] / b, dims[1] / b).binning(b).source(path.toString());
			double[] theta = exists(f, "/exchange/theta") ? thetaDeg(f.getDatasetByPath("/exchange/theta")) : new double[0];
			addFrames(s, data, dims, b, path, progress,
				i -> new FrameInfo(FrameKind.SAMPLE, i < theta.length ? theta[i] : Double.NaN, Double.NaN, Double.NaN));
			addKind(f, "/exchange/data_white", s, FrameKind.FLAT, Double.NaN, b, path, progress);
			addKind(f, "/exchange/data_dark", s, FrameKind.DARK, Double.NaN, b, path, progress);
			return exists(f, METADATA) ? withMetadata(s, text(f.getDatasetByPath(METADATA).getData()), b, path) : s;
		}
		catch (TxmException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new TxmException(path + ": cannot read Data Exchange data (" + e + "); the file may be truncated", e);
		}
	}

	/** Theta in degrees: by its units attribute, else radians if every value is within 2 pi and they span over 1. */
	private static double[] thetaDeg(Dataset d) {
		double[] t = toDoubles(d.getData());
		Attribute units = d.getAttribute("units");
		String u = units == null ? "" : text(units.getData()).toLowerCase(Locale.ROOT);
		boolean radians;
		if (u.startsWith("rad")) radians = true;
		else if (u.startsWith("deg")) radians = false;
		else {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (double v : t) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
			radians = t.length > 1 && Math.max(Math.abs(lo), Math.abs(hi)) <= 2 * Math.PI + 1e-6 && hi - lo > 1;
		}
		if (radians) for (int i = 0; i < t.length; i++) t[i] = Math.toDegrees(t[i]);
		return t;
	}

	/** The stack with per-frame metadata written by {@link #writeDataExchange} and its original frame order. */
	private static FrameStack withMetadata(FrameStack s, String info, int bin, Path path) {
		List<FrameInfo> infos = MetadataCodec.decodeFrames(info);
		if (infos.size() != s.size()) return s; // edited by another tool: keep what the standard datasets say
		int[] next = new int[FrameKind.values().length];
		int[] start = { 0, s.indicesOf(FrameKind.SAMPLE).length, s.size() - s.indicesOf(FrameKind.DARK).length };
		FrameStack r = s.emptyLike();
		for (FrameInfo f : infos) {
			int k = f.kind().ordinal();
			int src = start[k] + next[k]++;
			if (src >= s.size() || s.info(src).kind() != f.kind()) return s;
			r.add(s.pixels(src), f);
		}
		MetadataCodec.decodeStack(info, r);
		return r.pixelSizeNm(r.pixelSizeNm() * bin).binning(r.binning() * bin).source(path.toString());
	}

	@FunctionalInterface
	private interface InfoFor {
		FrameInfo info(int i);
	}

	/** Reads the frames of a 3D dataset one by one (so large files need only the binned size), in parallel. */
	private static void addFrames(FrameStack s, Dataset d, int[] dims, int bin, Path path, Progress progress, InfoFor info) {
		int n = dims[0], h = dims[1], w = dims[2];
		boolean flat2d = d.getDimensions().length == 2;
		boolean unsigned = d.getDataType() instanceof FixedPoint && !((FixedPoint) d.getDataType()).isSigned();
		float[][] out = new float[n][];
		int[] done = { 0 };
		IntStream.range(0, n).parallel().forEach(i -> {
			progress.checkCancelled();
			Object rows;
			synchronized (d) {
				rows = flat2d ? d.getData() : Array.get(d.getData(new long[] { i, 0, 0 }, new int[] { 1, h, w }), 0);
			}
			float[] px = new float[w * h];
			for (int y = 0; y < h; y++) toFloats(Array.get(rows, y), unsigned, px, y * w);
			out[i] = Binning.bin(px, w, h, bin);
			synchronized (done) {
				progress.report(++done[0], n, "reading " + path.getFileName() + d.getPath());
			}
		});
		for (int i = 0; i < n; i++) s.add(out[i], info.info(i));
	}

	private static int[] frameDims(Dataset d, Path path) {
		int[] dims = d.getDimensions();
		if (dims.length == 2) return new int[] { 1, dims[0], dims[1] };
		if (dims.length != 3 || dims[1] < 1 || dims[2] < 1)
			throw new TxmException(path + ": " + d.getPath() + " has shape " + java.util.Arrays.toString(dims)
				+ "; expected [frames, height, width]");
		return dims;
	}

	private static void toFloats(Object row, boolean unsigned, float[] out, int off) {
		if (row instanceof float[]) { float[] a = (float[]) row; System.arraycopy(a, 0, out, off, a.length); }
		else if (row instanceof double[]) { double[] a = (double[]) row; for (int i = 0; i < a.length; i++) out[off + i] = (float) a[i]; }
		else if (row instanceof short[]) {
			short[] a = (short[]) row;
			if (unsigned) for (int i = 0; i < a.length; i++) out[off + i] = a[i] & 0xFFFF;
			else for (int i = 0; i < a.length; i++) out[off + i] = a[i];
		}
		else if (row instanceof int[]) {
			int[] a = (int[]) row;
			if (unsigned) for (int i = 0; i < a.length; i++) out[off + i] = a[i] & 0xFFFFFFFFL;
			else for (int i = 0; i < a.length; i++) out[off + i] = a[i];
		}
		else if (row instanceof byte[]) {
			byte[] a = (byte[]) row;
			if (unsigned) for (int i = 0; i < a.length; i++) out[off + i] = a[i] & 0xFF;
			else for (int i = 0; i < a.length; i++) out[off + i] = a[i];
		}
		else if (row instanceof long[]) { long[] a = (long[]) row; for (int i = 0; i < a.length; i++) out[off + i] = a[i]; }
		else throw new TxmException("HDF5 pixel type " + row.getClass().getSimpleName() + " is not supported");
	}

	/** Any numeric scalar or array as doubles (flattened). */
	static double[] toDoubles(Object v) {
		if (v instanceof Number) return new double[] { ((Number) v).doubleValue() };
		if (v == null || !v.getClass().isArray()) return new double[0];
		int n = Array.getLength(v);
		if (n > 0 && Array.get(v, 0) != null && Array.get(v, 0).getClass().isArray()) {
			double[][] parts = new double[n][];
			int total = 0;
			for (int i = 0; i < n; i++) total += (parts[i] = toDoubles(Array.get(v, i))).length;
			double[] out = new double[total];
			int o = 0;
			for (double[] p : parts) { System.arraycopy(p, 0, out, o, p.length); o += p.length; }
			return out;
		}
		double[] out = new double[n];
		for (int i = 0; i < n; i++) out[i] = ((Number) Array.get(v, i)).doubleValue();
		return out;
	}

	private static String text(Object v) {
		if (v instanceof String) return (String) v;
		if (v instanceof String[] && ((String[]) v).length > 0) return ((String[]) v)[0];
		return String.valueOf(v);
	}

	private static boolean exists(HdfFile f, String path) {
		try {
			Node n = f.getByPath(path);
			return n != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/**
	 * Writes a stack as Data Exchange: samples to {@code /exchange/data} with {@code /exchange/theta}
	 * (degrees, {@code units} attribute), flats to {@code data_white}, darks to {@code data_dark}, all
	 * float32; the suite's full metadata (energies, exposures, positions, pixel size, frame order) as text
	 * in {@value #METADATA}. Written atomically.
	 */
	public static void writeDataExchange(Path path, FrameStack s) {
		if (s.indicesOf(FrameKind.SAMPLE).length == 0)
			throw new TxmException("cannot write " + path + ": Data Exchange needs at least one sample frame, the stack has none");
		try {
			AtomicFiles.write(path, tmp -> {
				try (WritableHdfFile f = io.jhdf.HdfFile.write(tmp)) {
					f.putDataset("implements", "exchange:measurement");
					WritableGroup ex = f.putGroup("exchange");
					int[] samples = s.indicesOf(FrameKind.SAMPLE);
					WritableDataset data = ex.putDataset("data", cube(s, samples));
					data.putAttribute("axes", "theta:y:x");
					data.putAttribute("description", s.state() == DataState.RAW ? "counts" : s.state().name().toLowerCase(Locale.ROOT));
					double[] theta = new double[samples.length];
					for (int i = 0; i < samples.length; i++) theta[i] = s.info(samples[i]).angleDeg();
					ex.putDataset("theta", theta).putAttribute("units", "degrees");
					int[] flats = s.indicesOf(FrameKind.FLAT), darks = s.indicesOf(FrameKind.DARK);
					if (flats.length > 0) ex.putDataset("data_white", cube(s, flats)).putAttribute("axes", "theta_white:y:x");
					if (darks.length > 0) ex.putDataset("data_dark", cube(s, darks)).putAttribute("axes", "theta_dark:y:x");
					f.putGroup("txm_suite").putDataset("metadata", MetadataCodec.encode(s));
				}
			});
		}
		catch (java.io.IOException | RuntimeException e) {
			if (e instanceof TxmException) throw (TxmException) e;
			throw new TxmException("cannot write Data Exchange file " + path + ": " + e, e);
		}
	}

	private static float[][][] cube(FrameStack s, int[] idx) {
		int w = s.width(), h = s.height();
		float[][][] c = new float[idx.length][h][w];
		for (int k = 0; k < idx.length; k++) {
			float[] px = s.pixels(idx[k]);
			for (int y = 0; y < h; y++) System.arraycopy(px, y * w, c[k][y], 0, w);
		}
		return c;
	}
}
