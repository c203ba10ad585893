package org.txmsuite.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * One entry point for real TXM data: a path in ({@code .xrm}, {@code .txrm}, FXI or Data Exchange
 * {@code .h5}, a TIFF stack, a folder of {@code .xrm} frames, or a TXM-Wizard {@code ScanInfo_*.txt}),
 * a frame stack with the suite's metadata out, references and darks marked as such.
 */
public final class TxmImport {
	private TxmImport() {}

	/** How to import. */
	public static final class Options {
		/** Block-average {@code bin x bin} pixels while reading (memory then holds only the binned data). */
		public int bin = 1;
		/** Average repeated exposures as a ScanInfo declares them (NEXPOSURES / REFNEXPOSURES). */
		public boolean averageRepeats = true;
		/** Append the reference image embedded in an {@code .xrm}/{@code .txrm} as a flat frame. */
		public boolean includeReference = true;

		public Options bin(int v) { bin = v; return this; }
		public Options averageRepeats(boolean v) { averageRepeats = v; return this; }
		public Options includeReference(boolean v) { includeReference = v; return this; }
	}

	/** Imports with default options (no binning, repeats averaged, embedded reference included). */
	public static FrameStack open(Path path) {
		return open(path, new Options(), Progress.NONE);
	}

	public static FrameStack open(Path path, Options o, Progress progress) {
		if (!Files.exists(path)) throw new TxmException("TXM data not found: " + path);
		if (Files.isDirectory(path)) return openFolder(path, o, progress);
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xrm") || name.endsWith(".txrm")) {
			FrameStack s;
			FrameStack ref;
			try (XradiaFile f = XradiaFile.open(path)) {
				s = XradiaReader.read(f, o.bin, progress);
			}
			if (o.includeReference && (ref = XradiaReader.reference(path, o.bin)) != null) s.add(ref.pixels(0), ref.info(0));
			return s;
		}
		if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".nxs"))
			return Hdf5Io.read(path, o.bin, progress);
		if (name.startsWith("scaninfo") && name.endsWith(".txt"))
			return ScanInfo.read(path).load(o.averageRepeats, o.bin, progress);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return Binning.bin(TiffIO.openFrames(path), o.bin);
		throw new TxmException("cannot import " + path + ": expected an .xrm, .txrm, .h5 (FXI or Data Exchange), "
			+ ".tif stack, a ScanInfo_*.txt or a folder of .xrm files");
	}

	/**
	 * A folder: its ScanInfo_*.txt if it has exactly one, else all its .xrm files in acquisition order
	 * (the running index macros put in names, {@code rep01_00003_...}; name order when a file has none),
	 * so references and darks stay between the projections they were taken among. With averaging on,
	 * the {@code _001of003} exposures of one position are averaged into one frame.
	 */
	private static FrameStack openFolder(Path dir, Options o, Progress progress) {
		List<Path> scanInfos = list(dir, n -> n.startsWith("scaninfo") && n.endsWith(".txt"));
		if (scanInfos.size() == 1) return ScanInfo.read(scanInfos.get(0)).load(o.averageRepeats, o.bin, progress);
		if (scanInfos.size() > 1)
			throw new TxmException("folder " + dir + " holds " + scanInfos.size() + " ScanInfo files " + scanInfos
				+ "; give the one to import");
		List<Path> xrm = list(dir, n -> n.endsWith(".xrm"));
		if (xrm.isEmpty()) throw new TxmException("folder " + dir + " holds no .xrm files and no ScanInfo_*.txt");
		if (xrm.stream().allMatch(p -> TxmFileNames.acquisitionOrder(p.getFileName().toString()) != null))
			xrm.sort(java.util.Comparator.comparing((Path p) -> TxmFileNames.acquisitionOrder(p.getFileName().toString())[0])
				.thenComparing(p -> TxmFileNames.acquisitionOrder(p.getFileName().toString())[1]));
		int perPosition = o.averageRepeats ? 0 : 1; // 0: as the names' _kofN tags say
		return ScanInfo.group(xrm, perPosition, perPosition, o.bin, progress, dir.toString());
	}

	private static List<Path> list(Path dir, java.util.function.Predicate<String> lowerName) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> Files.isRegularFile(p) && lowerName.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
				.sorted().collect(Collectors.toList());
		}
		catch (IOException e) {
			throw new TxmException("cannot list folder " + dir + ": " + e.getMessage(), e);
		}
	}

	/** True for paths {@link #open} reads that plain ImageJ does not (Xradia, HDF5, ScanInfo, folders). */
	public static boolean isTxmData(Path path) {
		if (Files.isDirectory(path)) return true;
		String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".xrm") || n.endsWith(".txrm") || n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".hdf")
			|| n.endsWith(".nxs") || (n.startsWith("scaninfo") && n.endsWith(".txt"));
	}
}
