package org.txmsuite.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * A TXM-Wizard {@code ScanInfo_*.txt} (SSRL 6-2c): header keys ({@code VERSION ENERGY TOMO MOSAIC
 * MULTIEXPOSURE NREPEATSCAN NEXPOSURES AVERAGEONTHEFLY REFNEXPOSURES REF4EVERYEXPOSURES REFABBA
 * REFAVERAGEONTHEFLY MOSAICUP/DOWN/LEFT/RIGHT MOSAICOVERLAP MOSAICCENTRALTILE}), then {@code FILES} and
 * the {@code .xrm} files in acquisition order. Consecutive files that differ only in their
 * {@code _NNNofMMM} repeat tag form one group (one reference or sample position at one energy and
 * angle); groups are averaged in blocks of NEXPOSURES (samples) or REFNEXPOSURES (references) as
 * declared, and kept in acquisition order, so ABBA reference order survives for the normalization.
 */
public final class ScanInfo {
	private final Path file;
	private final Map<String, String> keys = new LinkedHashMap<>();
	private final List<String> files = new ArrayList<>();

	private ScanInfo(Path file) {
		this.file = file;
	}

	/** Parses a ScanInfo file; errors name the file and line. */
	public static ScanInfo read(Path file) {
		if (!Files.isRegularFile(file)) throw new TxmException("ScanInfo file not found: " + file);
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new TxmException("cannot read ScanInfo file " + file + ": " + e.getMessage(), e);
		}
		ScanInfo s = new ScanInfo(file);
		boolean inFiles = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) continue;
			if (inFiles) {
				s.files.add(line);
				continue;
			}
			if (line.equalsIgnoreCase("FILES")) {
				inFiles = true;
				continue;
			}
			String[] kv = line.split("\\s+", 2);
			if (kv.length != 2 || !kv[0].matches("[A-Za-z0-9_]+"))
				throw new TxmException(file + " line " + (i + 1) + ": '" + line + "' is not a 'KEY value' header line "
					+ "(e.g. 'NEXPOSURES 1') or 'FILES'");
			s.keys.put(kv[0].toUpperCase(Locale.ROOT), kv[1].trim());
		}
		if (!inFiles) throw new TxmException(file + ": no FILES line; a TXM-Wizard ScanInfo lists its .xrm files after 'FILES'");
		if (s.files.isEmpty()) throw new TxmException(file + ": the FILES list is empty");
		return s;
	}

	public Path file() { return file; }
	public Map<String, String> keys() { return Collections.unmodifiableMap(keys); }
	public List<String> files() { return Collections.unmodifiableList(files); }

	/** An integer header value, or the default if absent. */
	public int intValue(String key, int dflt) {
		String v = keys.get(key);
		if (v == null) return dflt;
		try {
			return (int) Math.round(Double.parseDouble(v));
		}
		catch (NumberFormatException e) {
			throw new TxmException(file + ": " + key + " is '" + v + "', expected a number");
		}
	}

	public boolean flag(String key) { return intValue(key, 0) != 0; }
	/** Sample frames per group as declared (1 if averaged on the fly). */
	public int nExposures() { return flag("AVERAGEONTHEFLY") ? 1 : Math.max(1, intValue("NEXPOSURES", 1)); }
	/** Reference frames per group as declared (1 if averaged on the fly). */
	public int refNExposures() { return flag("REFAVERAGEONTHEFLY") ? 1 : Math.max(1, intValue("REFNEXPOSURES", 1)); }
	public boolean abba() { return flag("REFABBA"); }
	public boolean mosaic() { return flag("MOSAIC"); }
	public boolean tomo() { return flag("TOMO"); }
	/** The mosaic's central tile flag; real files write MOSAICCENTRALTILE, some readers expect MOSAICCENTRALFILE. */
	public boolean mosaicCentralTile() { return flag("MOSAICCENTRALTILE") || flag("MOSAICCENTRALFILE"); }

	/** Reads the listed files and groups them; {@code average} false keeps every exposure. */
	public FrameStack load(boolean average, int bin, Progress progress) {
		List<Path> paths = new ArrayList<>();
		Path folder = file.toAbsolutePath().getParent();
		for (String f : files) {
			Path p = folder.resolve(f.replace('\\', '/'));
			if (!Files.isRegularFile(p))
				throw new TxmException(file + " lists " + f + ", which is not in " + folder + " (" + files.size() + " files listed)");
			paths.add(p);
		}
		return group(paths, average ? nExposures() : 1, average ? refNExposures() : 1, bin, progress, file.toString());
	}

	/**
	 * Reads Xradia files and averages consecutive frames of one group in blocks of {@code nSample}
	 * (samples) or {@code nRef} (references and darks); a group whose size is not a multiple of its
	 * block is an error naming it. A block of 0 takes each group's size from its names' {@code _kofN} tag.
	 */
	static FrameStack group(List<Path> paths, int nSample, int nRef, int bin, Progress progress, String what) {
		List<FrameStack> read = new ArrayList<>();
		List<String> groupOf = new ArrayList<>();
		java.time.LocalDateTime t0 = null;
		for (int i = 0; i < paths.size(); i++) {
			progress.checkCancelled();
			Path p = paths.get(i);
			FrameStack s;
			java.time.LocalDateTime start;
			try (XradiaFile xf = XradiaFile.open(p)) {
				s = XradiaReader.read(xf, bin, Progress.NONE);
				start = xf.startTime();
			}
			if (t0 == null) t0 = start;
			double offset = start != null && t0 != null ? java.time.temporal.ChronoUnit.MILLIS.between(t0, start) / 1000.0 : Double.NaN;
			String name = p.getFileName().toString();
			int[] tile = TxmFileNames.tile(name);
			for (FrameInfo f : s.infos()) {
				f.timeS(f.timeS() + offset);
				if (tile != null) f.position("tile_x", tile[0]).position("tile_y", tile[1]);
			}
			read.add(s);
			groupOf.add(TxmFileNames.groupKey(name) + "|" + s.info(0).kind());
			progress.report(i + 1, paths.size(), "reading " + name);
		}
		FrameStack first = read.get(0);
		FrameStack out = first.emptyLike().source(what);
		int i = 0;
		while (i < read.size()) {
			int j = i;
			List<float[]> px = new ArrayList<>();
			List<FrameInfo> inf = new ArrayList<>();
			while (j < read.size() && groupOf.get(j).equals(groupOf.get(i))) {
				FrameStack s = read.get(j);
				if (s.width() != first.width() || s.height() != first.height())
					throw new TxmException(what + ": " + paths.get(j).getFileName() + " is " + s.width() + "x" + s.height()
						+ ", the first file " + first.width() + "x" + first.height());
				px.addAll(s.frames());
				inf.addAll(s.infos());
				j++;
			}
			int block = inf.get(0).kind() == FrameKind.SAMPLE ? nSample : nRef;
			if (block <= 0) { // from the names' _kofN tags: the exposures of one position are averaged
				int[] rep = TxmFileNames.repeat(paths.get(i).getFileName().toString());
				block = rep == null ? 1 : Math.max(1, Math.min(rep[1], px.size()));
			}
			if (px.size() % block != 0)
				throw new TxmException(what + ": group " + paths.get(i).getFileName() + " has " + px.size() + " exposures, "
					+ "not a multiple of the declared " + block + " (NEXPOSURES/REFNEXPOSURES)");
			for (int k = 0; k < px.size(); k += block) out.add(mean(px, k, block), merged(inf, k, block));
			i = j;
		}
		return out;
	}

	private static float[] mean(List<float[]> px, int from, int n) {
		if (n == 1) return px.get(from);
		float[] out = new float[px.get(from).length];
		java.util.stream.IntStream.range(0, out.length).parallel().forEach(p -> {
			double s = 0;
			for (int k = from; k < from + n; k++) s += px.get(k)[p];
			out[p] = (float) (s / n);
		});
		return out;
	}

	/** Metadata of an averaged block: the first frame's, with mean angle, energy and time. */
	private static FrameInfo merged(List<FrameInfo> inf, int from, int n) {
		FrameInfo f = inf.get(from).copy();
		if (n == 1) return f;
		double a = 0, e = 0, t = 0;
		for (int k = from; k < from + n; k++) {
			a += inf.get(k).angleDeg();
			e += inf.get(k).energyEv();
			t += inf.get(k).timeS();
		}
		String name = f.name();
		return f.angleDeg(a / n).energyEv(e / n).timeS(t / n).name(TxmFileNames.groupKey(name) + " (mean of " + n + ")");
	}
}
