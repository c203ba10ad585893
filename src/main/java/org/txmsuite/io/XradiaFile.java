package org.txmsuite.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.TxmException;

/**
 * An open Xradia {@code .xrm}/{@code .txrm} file (OLE2 compound document, little-endian): its header
 * and per-frame metadata are read on open, pixels on demand ({@link #frame(int)}), so a series larger
 * than the heap can be read frame by frame. Stream names are matched case-insensitively (POIFS itself
 * is case-sensitive, files in the wild differ in case); array streams pre-allocated longer than the
 * image count are cut to it. Every problem is a {@link TxmException} naming the file.
 */
public final class XradiaFile implements Closeable {
	private static final Pattern DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{2}|\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");

	/** Frame kinds (one byte each: 0 sample, 1 flat, 2 dark) written by TXM Suite; other readers ignore it. */
	static final String KIND_STREAM = "TxmSuite/FrameKind";

	private final Path path;
	private final POIFSFileSystem fs;
	private final Map<String, DocumentEntry> streams = new HashMap<>();
	private final int width, height, count, declaredCount;
	private final XradiaDataType type;
	private final double pixelSizeNm;
	private final int horizontalBin, verticalBin;
	private final int mosaicRows, mosaicColumns;
	private final boolean mosaic;
	private final double version;
	private final List<FrameInfo> infos = new ArrayList<>();
	private final String[] axisNames;
	private final String[] axisUnits;
	private LocalDateTime start;

	private XradiaFile(Path path, POIFSFileSystem fs) {
		this.path = path;
		this.fs = fs;
		index(fs.getRoot(), "");
		width = requireInt("ImageInfo/ImageWidth");
		height = requireInt("ImageInfo/ImageHeight");
		if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE)
			throw error("image size " + width + "x" + height + " in ImageInfo/ImageWidth, ImageHeight is not a valid size");
		type = XradiaDataType.require(intOr("ImageInfo/DataType", XradiaDataType.UINT16.code), path + " (ImageInfo/DataType)");
		int declared = intOr("ImageInfo/NoOfImages", 0);
		int taken = intOr("ImageInfo/ImagesTaken", 0);
		declaredCount = declared > 0 ? declared : Math.max(taken, 1);
		mosaicRows = intOr("ImageInfo/MosiacRows", 0);
		mosaicColumns = intOr("ImageInfo/MosiacColumns", 0);
		mosaic = intOr("ImageInfo/MosiacMode", 0) == 1 || (mosaicRows * mosaicColumns > 1 && !has(imageStream(2)));
		int n = mosaic ? 1 : (taken > 0 && taken < declaredCount ? taken : declaredCount);
		if (!has(imageStream(1)))
			throw error("no image data: stream " + imageStream(1) + " is missing; the file is truncated or not an image file");
		for (int i = 2; i <= n; i++)
			if (!has(imageStream(i)))
				throw error("only " + (i - 1) + " of " + n + " images present (stream " + imageStream(i)
					+ " is missing); the file is truncated");
		count = n;
		float px = floatOr("ImageInfo/PixelSize", 0f);
		pixelSizeNm = px > 0 ? (double) (px * 1000f) : Double.NaN;
		horizontalBin = intOr("ImageInfo/HorizontalBin", 1);
		verticalBin = intOr("ImageInfo/VerticalalBin", intOr("ImageInfo/VerticalBin", horizontalBin));
		version = floatOr("Version", Float.NaN);
		int axes = intOr("PositionInfo/TotalAxis", 0);
		axisNames = axes > 0 ? strings("PositionInfo/AxisNames", axes, StandardCharsets.ISO_8859_1) : new String[0];
		axisUnits = axes > 0 ? strings("PositionInfo/AxisUnits", axes, StandardCharsets.ISO_8859_1) : new String[0];
		readFrameInfos(axes);
	}

	/** Opens a file; the error names the file and what is wrong with it. */
	public static XradiaFile open(Path path) {
		if (!Files.isRegularFile(path)) throw new TxmException("Xradia file not found: " + path);
		POIFSFileSystem fs;
		try {
			fs = new POIFSFileSystem(path.toFile(), true);
		}
		catch (org.apache.poi.poifs.filesystem.NotOLE2FileException | org.apache.poi.EmptyFileException e) {
			throw new TxmException(path + ": not an Xradia .xrm/.txrm file (an OLE2 compound document was expected): "
				+ e.getMessage(), e);
		}
		catch (IOException | RuntimeException e) {
			throw new TxmException(path + ": truncated or corrupt Xradia file (its OLE2 structure cannot be read: "
				+ e.getMessage() + ")", e);
		}
		try {
			return new XradiaFile(path, fs);
		}
		catch (RuntimeException e) {
			closeQuietly(fs);
			if (e instanceof TxmException) throw e;
			throw new TxmException(path + ": corrupt or truncated Xradia file: " + e, e);
		}
	}

	public Path path() { return path; }
	public int width() { return width; }
	public int height() { return height; }
	/** Frames stored (a mosaic is one stitched frame although NoOfImages counts its tiles). */
	public int size() { return count; }
	/** NoOfImages as declared in the header. */
	public int declaredCount() { return declaredCount; }
	public XradiaDataType dataType() { return type; }
	/** Pixel size in nm (PixelSize is stored in um as float32), NaN if not stored. */
	public double pixelSizeNm() { return pixelSizeNm; }
	public int horizontalBin() { return horizontalBin; }
	public int verticalBin() { return verticalBin; }
	public boolean isMosaic() { return mosaic; }
	public int mosaicRows() { return mosaicRows; }
	public int mosaicColumns() { return mosaicColumns; }
	/** The file's {@code Version} stream (3, 4, 5 ...), NaN if absent. */
	public double version() { return version; }
	public String[] axisNames() { return axisNames.clone(); }
	public String[] axisUnits() { return axisUnits.clone(); }
	/** Acquisition time of the first frame (ImageInfo/Date), or null. */
	public LocalDateTime startTime() { return start; }
	/** Metadata of frame {@code i} (0-based); a fresh copy. */
	public FrameInfo info(int i) { return infos.get(i).copy(); }

	/** Pixels of frame {@code i} (0-based) as float, row-major. */
	public float[] frame(int i) {
		if (i < 0 || i >= count) throw new TxmException(path + ": frame " + i + " requested, the file has " + count);
		float[] out = new float[width * height];
		decode(imageStream(i + 1), type, out);
		return out;
	}

	/** True if the file embeds a reference image ({@code ReferenceData/Image}). */
	public boolean hasReference() {
		return has("ReferenceData/Image");
	}

	/** The embedded reference image, or null. */
	public float[] reference() {
		if (!hasReference()) return null;
		XradiaDataType rt = XradiaDataType.require(intOr("ReferenceData/DataType", type.code), path + " (ReferenceData/DataType)");
		float[] out = new float[width * height];
		decode("ReferenceData/Image", rt, out);
		return out;
	}

	/** Metadata of the embedded reference: a flat frame with its exposure, energy of frame 0. */
	public FrameInfo referenceInfo() {
		FrameInfo f = new FrameInfo(FrameKind.FLAT, Double.NaN, count > 0 ? infos.get(0).energyEv() : Double.NaN,
			positiveOrNaN(floatOr("ReferenceData/ExpTime", 0f)));
		return f.name("embedded reference");
	}

	/** Raw bytes of a stream (case-insensitive name), or null if absent. */
	public byte[] bytes(String name) {
		DocumentEntry e = streams.get(name.toLowerCase(Locale.ROOT));
		if (e == null) return null;
		try (InputStream in = new DocumentInputStream(e)) {
			byte[] b = in.readAllBytes();
			if (b.length != e.getSize())
				throw error("stream " + name + " is short: " + b.length + " of " + e.getSize() + " bytes; the file is truncated");
			return b;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof TxmException) throw (TxmException) ex;
			throw new TxmException(path + ": cannot read stream " + name + " (file truncated or corrupt): " + ex, ex);
		}
	}

	public boolean has(String name) {
		return streams.containsKey(name.toLowerCase(Locale.ROOT));
	}

	/** {@code ImageData{ceil(i/100)}/Image{i}} for 1-based i. */
	static String imageStream(int i) {
		return "ImageData" + ((i + 99) / 100) + "/Image" + i;
	}

	@Override
	public void close() {
		closeQuietly(fs);
	}

	private void decode(String stream, XradiaDataType t, float[] out) {
		byte[] b = bytes(stream);
		long need = (long) out.length * t.bytes;
		if (b.length < need) {
			String guess = "";
			for (XradiaDataType o : XradiaDataType.values())
				if ((long) out.length * o.bytes == b.length) { guess = " (its length fits " + o.label() + ": is DataType wrong?)"; break; }
			throw error("stream " + stream + " holds " + b.length + " bytes but " + width + "x" + height + " pixels of "
				+ t.label() + " need " + need + guess + "; the file is truncated or its DataType is wrong");
		}
		t.decode(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN), out);
	}

	private void readFrameInfos(int axes) {
		int n = count;
		float[] angles = floatsOrNull("ImageInfo/Angles", n);
		float[] energies = floatsOrNull("ImageInfo/Energy", n);
		float[] exps = floatsOrNull("ImageInfo/ExpTimes", n);
		if (exps == null) exps = floatsOrNull("ImageInfo/ExpTime", n);
		float[] motors = axes > 0 ? floatsOrNull("PositionInfo/MotorPositions", n * axes) : null;
		List<LocalDateTime> dates = dates();
		double fileEnergy = TxmFileNames.energyEv(path.getFileName().toString());
		double fileAngle = TxmFileNames.angleDeg(path.getFileName().toString());
		FrameKind kind = TxmFileNames.kind(path.getFileName().toString());
		int energyAxis = -1;
		for (int a = 0; a < axisNames.length; a++) if (axisNames[a].trim().equalsIgnoreCase("Energy")) energyAxis = a;
		byte[] kinds = has(KIND_STREAM) ? bytes(KIND_STREAM) : new byte[0];
		LocalDateTime first = null;
		for (int i = 0; i < n; i++) {
			// a flat or dark recorded by TXM Suite wins; otherwise the file-name convention (ref_..., dark...) decides
			FrameInfo f = new FrameInfo().kind(i < kinds.length && kinds[i] > 0 && kinds[i] < 3 ? FrameKind.values()[kinds[i]] : kind);
			f.angleDeg(angles != null && i < angles.length ? angles[i] : fileAngle);
			double e = energies != null && i < energies.length ? positiveOrNaN(energies[i]) : Double.NaN;
			if (Double.isNaN(e)) e = fileEnergy;
			if (Double.isNaN(e) && energyAxis >= 0 && motors != null && i * axes + energyAxis < motors.length)
				e = positiveOrNaN(motors[i * axes + energyAxis]);
			f.energyEv(e);
			f.exposureS(exps != null && i < exps.length ? positiveOrNaN(exps[i]) : Double.NaN);
			if (motors != null)
				for (int a = 0; a < axes && i * axes + a < motors.length; a++) {
					String name = axisNames[a].trim();
					if (!name.isEmpty() && !f.positions().containsKey(name)) f.position(name, motors[i * axes + a]);
				}
			LocalDateTime t = i < dates.size() ? dates.get(i) : null;
			if (t != null) {
				if (first == null) start = first = t;
				f.timeS(ChronoUnit.MILLIS.between(first, t) / 1000.0);
			}
			f.name(count > 1 ? path.getFileName() + "#" + (i + 1) : path.getFileName().toString());
			infos.add(f);
		}
	}

	/** Acquisition times: the {@code MM/dd/yy HH:mm:ss[.ff]} strings of ImageInfo/Date, in order. */
	private List<LocalDateTime> dates() {
		List<LocalDateTime> out = new ArrayList<>();
		if (!has("ImageInfo/Date")) return out;
		Matcher m = DATE.matcher(new String(bytes("ImageInfo/Date"), StandardCharsets.ISO_8859_1));
		while (m.find()) out.add(date(m));
		return out;
	}

	private static LocalDateTime date(Matcher m) {
		try {
			int year = Integer.parseInt(m.group(3));
			if (year < 100) year += 2000;
			int nanos = 0;
			if (m.group(7) != null) {
				String frac = (m.group(7) + "000000000").substring(0, 9);
				nanos = Integer.parseInt(frac);
			}
			return LocalDateTime.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static double positiveOrNaN(float v) {
		return v > 0 && Float.isFinite(v) ? v : Double.NaN;
	}

	private void index(DirectoryEntry dir, String prefix) {
		for (Entry e : dir) {
			String name = prefix.isEmpty() ? e.getName() : prefix + "/" + e.getName();
			if (e instanceof DirectoryEntry) index((DirectoryEntry) e, name);
			else if (e instanceof DocumentEntry) streams.putIfAbsent(name.toLowerCase(Locale.ROOT), (DocumentEntry) e);
		}
	}

	private int requireInt(String name) {
		if (!has(name)) throw error("stream " + name + " is missing; not an Xradia image file, or a truncated one");
		return ints(name, 1)[0];
	}

	private int intOr(String name, int dflt) {
		if (!has(name)) return dflt;
		byte[] b = bytes(name);
		return b.length >= 4 ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0) : dflt;
	}

	private float floatOr(String name, float dflt) {
		if (!has(name)) return dflt;
		byte[] b = bytes(name);
		return b.length >= 4 ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getFloat(0) : dflt;
	}

	private int[] ints(String name, int max) {
		ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
		int n = Math.min(max, b.capacity() / 4);
		if (n < 1) throw error("stream " + name + " holds " + b.capacity() + " bytes, too short for an int32");
		int[] out = new int[n];
		for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i);
		return out;
	}

	private float[] floatsOrNull(String name, int max) {
		if (!has(name)) return null;
		ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
		int n = Math.min(max, b.capacity() / 4);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) out[i] = b.getFloat(4 * i);
		return out;
	}

	/** {@code n} fixed-width text slots of a stream (slot width = length / n), NULs trimmed. */
	private String[] strings(String name, int n, java.nio.charset.Charset cs) {
		byte[] b = bytes(name);
		int slot = Math.max(1, b.length / Math.max(1, n));
		int slots = Math.min(n, b.length / slot);
		String[] out = new String[slots];
		for (int i = 0; i < slots; i++) {
			int end = i * slot;
			while (end < (i + 1) * slot && b[end] != 0) end++;
			out[i] = new String(b, i * slot, end - i * slot, cs).trim();
		}
		return out;
	}

	private TxmException error(String problem) {
		return new TxmException(path + ": " + problem);
	}

	private static void closeQuietly(POIFSFileSystem fs) {
		try {
			fs.close();
		}
		catch (IOException e) {
			// read-only file system: nothing to flush
		}
	}
}
