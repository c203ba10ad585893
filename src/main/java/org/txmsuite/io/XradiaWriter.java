package org.txmsuite.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

/**
 * Writes Xradia {@code .xrm} (one frame) and {@code .txrm} (a series) files: an OLE2 compound document
 * with the streams Xradia readers look for ({@code ImageInfo/...}, {@code ImageData{k}/Image{i}} with
 * 100 images per storage, {@code PositionInfo/...}, optionally {@code ReferenceData/...}), little-endian,
 * pixels as uint16 or float32. Unknown energies and exposures are written as 0 (the format's "missing"),
 * unknown angles as NaN. Frame kinds go to an extra {@code TxmSuite/FrameKind} stream that other readers
 * ignore. Files are written atomically.
 */
public final class XradiaWriter {
	/** The value of the {@code Version} stream written. */
	public static final float VERSION = 3f;
	private static final int AXIS_NAME_SLOT = 25, AXIS_UNIT_SLOT = 15;

	private XradiaWriter() {}

	/** One float32 frame as an {@code .xrm}. */
	public static void writeXrm(Path path, float[] pixels, int width, int height, FrameInfo info, double pixelSizeNm) {
		checkSize(pixels.length, width, height, path);
		FrameStack s = new FrameStack(width, height).pixelSizeNm(pixelSizeNm).add(pixels, info);
		write(path, s, XradiaDataType.FLOAT32, i -> encode(pixels, XradiaDataType.FLOAT32), null);
	}

	/** One uint16 frame (raw detector counts, {@code s & 0xFFFF}) as an {@code .xrm}. */
	public static void writeXrm(Path path, short[] pixels, int width, int height, FrameInfo info, double pixelSizeNm) {
		checkSize(pixels.length, width, height, path);
		// the stack only carries the metadata here: its frame is a shared placeholder, pixels come from {@code pixels}
		FrameStack s = new FrameStack(width, height).pixelSizeNm(pixelSizeNm).add(new float[width * height], info);
		write(path, s, XradiaDataType.UINT16, i -> encode(pixels), null);
	}

	/**
	 * A series as a {@code .txrm}: uint16 if every pixel is an integer in 0..65535 (raw counts), else
	 * float32, so pixels round-trip exactly.
	 */
	public static void writeTxrm(Path path, FrameStack stack) {
		writeTxrm(path, stack, fitsUint16(stack) ? XradiaDataType.UINT16 : XradiaDataType.FLOAT32, null);
	}

	/**
	 * A series as a {@code .txrm} with a chosen pixel type (UINT16: values rounded and clamped to
	 * 0..65535; FLOAT32: exact) and an optional embedded reference image (null for none).
	 */
	public static void writeTxrm(Path path, FrameStack stack, XradiaDataType type, float[] reference) {
		if (stack.size() == 0) throw new TxmException("cannot write " + path + ": the stack has no frames");
		if (reference != null) checkSize(reference.length, stack.width(), stack.height(), path);
		write(path, stack, type, i -> encode(stack.pixels(i), type), reference);
	}

	/** True if every pixel is an integer in 0..65535. */
	public static boolean fitsUint16(FrameStack s) {
		for (float[] f : s.frames())
			for (float v : f)
				if (!(v >= 0 && v <= 65535 && v == Math.rint(v))) return false;
		return true;
	}

	private static void checkSize(int n, int width, int height, Path path) {
		if (width < 1 || height < 1 || (long) width * height != n)
			throw new TxmException("cannot write " + path + ": " + n + " pixels given for a " + width + "x" + height + " image");
	}

	private static void write(Path path, FrameStack s, XradiaDataType type, IntFunction<byte[]> pixels, float[] reference) {
		if (type != XradiaDataType.UINT16 && type != XradiaDataType.FLOAT32)
			throw new TxmException("cannot write " + path + ": pixel type " + type.label() + " is not supported for writing; use uint16 or float32");
		try {
			AtomicFiles.write(path, tmp -> {
				try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(tmp)) {
					fill(fs, s, type, pixels, reference);
					fs.writeFilesystem(out);
				}
			});
		}
		catch (IOException e) {
			throw new TxmException("cannot write Xradia file " + path + ": " + e.getMessage(), e);
		}
	}

	private static void fill(POIFSFileSystem fs, FrameStack s, XradiaDataType type, IntFunction<byte[]> pixels, float[] reference)
		throws IOException {
		int n = s.size(), w = s.width(), h = s.height();
		DirectoryEntry root = fs.getRoot();
		put(root, "Version", le(4).putFloat(VERSION));
		DirectoryEntry info = root.createDirectory("ImageInfo");
		put(info, "ImageWidth", le(4).putInt(w));
		put(info, "ImageHeight", le(4).putInt(h));
		put(info, "NoOfImages", le(4).putInt(n));
		put(info, "ImagesTaken", le(4).putInt(n));
		put(info, "DataType", le(4).putInt(type.code));
		double px = s.pixelSizeNm();
		put(info, "PixelSize", le(4).putFloat(Double.isFinite(px) ? (float) (px / 1000.0) : 0f));
		put(info, "HorizontalBin", le(4).putInt(s.binning()));
		put(info, "VerticalalBin", le(4).putInt(s.binning()));
		put(info, "MosiacMode", le(4).putInt(0));
		put(info, "MosiacRows", le(4).putInt(0));
		put(info, "MosiacColumns", le(4).putInt(0));
		ByteBuffer angles = le(4 * n), energy = le(4 * n), exp = le(4 * n);
		byte[] kinds = new byte[n];
		for (int i = 0; i < n; i++) {
			FrameInfo f = s.info(i);
			angles.putFloat((float) f.angleDeg());
			energy.putFloat(orZero(f.energyEv()));
			exp.putFloat(orZero(f.exposureS()));
			kinds[i] = (byte) f.kind().ordinal();
		}
		put(info, "Angles", angles);
		put(info, "Energy", energy);
		put(info, "ExpTimes", exp);
		positions(root, s);
		root.createDirectory("TxmSuite").createDocument("FrameKind", new ByteArrayInputStream(kinds));
		Map<Integer, DirectoryEntry> storages = new HashMap<>();
		for (int i = 1; i <= n; i++) {
			DirectoryEntry d = storages.computeIfAbsent((i + 99) / 100, k -> {
				try {
					return root.createDirectory("ImageData" + k);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			int frame = i - 1;
			// written when the file system is written out, one frame at a time
			d.createDocument("Image" + i, w * h * type.bytes, event -> {
				try {
					event.getStream().write(pixels.apply(frame));
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		if (reference != null) {
			DirectoryEntry ref = root.createDirectory("ReferenceData");
			put(ref, "DataType", le(4).putInt(type.code));
			ref.createDocument("Image", new ByteArrayInputStream(encode(reference, type)));
		}
	}

	/** PositionInfo: the union of the frames' axis names, MotorPositions[image][axis] (NaN where a frame lacks an axis). */
	private static void positions(DirectoryEntry root, FrameStack s) throws IOException {
		Set<String> names = new LinkedHashSet<>();
		for (FrameInfo f : s.infos()) names.addAll(f.positions().keySet());
		List<String> axes = new ArrayList<>(names);
		int n = s.size(), a = axes.size();
		DirectoryEntry pos = root.createDirectory("PositionInfo");
		put(pos, "TotalAxis", le(4).putInt(a));
		put(pos, "NoOfImages", le(4).putInt(n));
		byte[] nameBytes = new byte[Math.max(1, a * AXIS_NAME_SLOT)], unitBytes = new byte[Math.max(1, a * AXIS_UNIT_SLOT)];
		for (int i = 0; i < a; i++) {
			byte[] b = axes.get(i).getBytes(StandardCharsets.ISO_8859_1);
			System.arraycopy(b, 0, nameBytes, i * AXIS_NAME_SLOT, Math.min(b.length, AXIS_NAME_SLOT - 1));
		}
		pos.createDocument("AxisNames", new ByteArrayInputStream(nameBytes));
		pos.createDocument("AxisUnits", new ByteArrayInputStream(unitBytes));
		ByteBuffer m = le(Math.max(4, 4 * n * a));
		for (FrameInfo f : s.infos())
			for (String ax : axes) m.putFloat(f.positions().containsKey(ax) ? f.positions().get(ax).floatValue() : Float.NaN);
		put(pos, "MotorPositions", m);
	}

	private static float orZero(double v) {
		return Double.isFinite(v) ? (float) v : 0f;
	}

	private static byte[] encode(short[] px) {
		ByteBuffer b = le(2 * px.length);
		b.asShortBuffer().put(px);
		return b.array();
	}

	private static byte[] encode(float[] px, XradiaDataType type) {
		if (type == XradiaDataType.FLOAT32) {
			ByteBuffer b = le(4 * px.length);
			b.asFloatBuffer().put(px);
			return b.array();
		}
		ByteBuffer b = le(2 * px.length);
		for (int i = 0; i < px.length; i++) {
			float v = px[i];
			int u = v != v ? 0 : (int) Math.max(0, Math.min(65535, Math.rint(v)));
			b.putShort(2 * i, (short) u);
		}
		return b.array();
	}

	private static ByteBuffer le(int bytes) {
		return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static void put(DirectoryEntry d, String name, ByteBuffer b) throws IOException {
		d.createDocument(name, new ByteArrayInputStream(b.array()));
	}
}
